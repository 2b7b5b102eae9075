/*
 * mmc_loop.c: a minimal hand-written discrete-event loop for the M/M/c reference
 * benchmark, the "speed of light" next to Takt's `takt-bench mmc` and SimPy.
 *
 * Model: c = 5 servers, Poisson arrivals at rate lambda = 4.5, exponential service at
 * rate mu = 1 per server (rho = 0.9), one FIFO queue, N customers (default 2,000,000).
 * The run ends when the last customer has departed. "Model events" are arrivals +
 * departures, so exactly 2N.
 *
 * Engine: a binary min-heap of events ordered by (time, sequence number), where the
 * sequence number (uint64, incremented per scheduled event) breaks ties first-scheduled
 * first; each event carries a type (arrival or departure) and a server index. The heap,
 * the idle-server stack and the waiting line are preallocated; nothing is allocated per
 * event. The waiting line is a ring buffer of arrival times (power-of-two capacity; it
 * doubles in the very rare case it fills, which is not per event).
 * Random numbers: xoshiro256** seeded by splitmix64(seed); the service-time stream is the
 * interarrival stream advanced by xoshiro's jump (2^128 draws), so the two never overlap.
 * Exponential variates: -mean * log(u) with u uniform in the open interval (0, 1).
 *
 * Statistics: mean wait in queue over the customers after a warm-up of 10,000, with a
 * 99% confidence interval by batch means: 30 batches of floor((N - 10000) / 30)
 * consecutive customers in arrival order, CI = mean +- t_{0.995,29} * sd_batch / sqrt(30).
 * The exact Erlang-C Wq is computed and printed alongside.
 *
 * Build and run (scripts/bench/compare.sh does this):
 *   cc -O2 -o scripts/bench/.build/mmc_loop scripts/bench/mmc_loop.c -lm
 *   scripts/bench/.build/mmc_loop [--customers N] [--seed S]
 *
 * Prints exactly one JSON line on stdout:
 *   {"engine":"c-loop","customers":N,"events":E,"seconds":s,"events_per_second":E/s,
 *    "mean_wait":x,"ci99_low":a,"ci99_high":b,"exact_wait":Wq}
 * "seconds" is the wall-clock (CLOCK_MONOTONIC) time of the event loop only.
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { SERVERS = 5, WARMUP_CUSTOMERS = 10000, BATCHES = 30 };
static const double ARRIVAL_RATE = 4.5; /* lambda */
static const double SERVICE_RATE = 1.0; /* mu, per server */
static const double T_0995_29 = 2.756386; /* Student t quantile, 0.995, 29 d.o.f. */

/* ---- Random numbers: splitmix64 (seeding) and xoshiro256** ------------------------- */

static uint64_t splitmix64(uint64_t *state) {
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

typedef struct { uint64_t s[4]; } Rng;

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t rng_next(Rng *r) {
    uint64_t *s = r->s;
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

static void rng_seed(Rng *r, uint64_t seed) {
    uint64_t sm = seed;
    for (int i = 0; i < 4; i++) r->s[i] = splitmix64(&sm);
}

/* Advance by 2^128 draws (the reference xoshiro256 jump polynomial). */
static void rng_jump(Rng *r) {
    static const uint64_t JUMP[] = {0x180ec6d33cfd0abaULL, 0xd5a61266f0c9392cULL,
                                    0xa9582618e03fc9aaULL, 0x39abdc4529b1661cULL};
    uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (int i = 0; i < 4; i++)
        for (int b = 0; b < 64; b++) {
            if (JUMP[i] & (UINT64_C(1) << b)) {
                s0 ^= r->s[0];
                s1 ^= r->s[1];
                s2 ^= r->s[2];
                s3 ^= r->s[3];
            }
            rng_next(r);
        }
    r->s[0] = s0;
    r->s[1] = s1;
    r->s[2] = s2;
    r->s[3] = s3;
}

/* Uniform in the open interval (0, 1): the top 53 bits, offset by half a step. */
static inline double rng_open01(Rng *r) {
    return ((double)(rng_next(r) >> 11) + 0.5) * 0x1.0p-53;
}

static inline double rng_exp(Rng *r, double mean) { return -mean * log(rng_open01(r)); }

/* ---- Event calendar: binary min-heap on (time, seq) --------------------------------- */

enum { EV_ARRIVAL = 0, EV_DEPARTURE = 1 };

typedef struct {
    double time;
    uint64_t seq;
    int32_t type;
    int32_t server;
} Event;

typedef struct {
    Event *items;
    size_t count;
    uint64_t next_seq;
} Heap;

static inline int ev_before(const Event *a, const Event *b) {
    return a->time < b->time || (a->time == b->time && a->seq < b->seq);
}

/* The heap never holds more than SERVERS + 1 events (one pending arrival, one departure
 * per busy server), so its capacity is fixed at start-up. */
static inline void heap_push(Heap *h, double time, int32_t type, int32_t server) {
    Event e = {time, h->next_seq++, type, server};
    size_t i = h->count++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!ev_before(&e, &h->items[parent])) break;
        h->items[i] = h->items[parent];
        i = parent;
    }
    h->items[i] = e;
}

static inline Event heap_pop(Heap *h) {
    Event top = h->items[0];
    Event last = h->items[--h->count];
    size_t n = h->count, i = 0;
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && ev_before(&h->items[child + 1], &h->items[child])) child++;
        if (!ev_before(&h->items[child], &last)) break;
        h->items[i] = h->items[child];
        i = child;
    }
    if (n > 0) h->items[i] = last;
    return top;
}

/* ---- FIFO waiting line: ring buffer of arrival times -------------------------------- */

typedef struct {
    double *times;
    size_t mask; /* capacity - 1, capacity a power of two */
    size_t head, count;
} Ring;

static void ring_grow(Ring *q) {
    size_t cap = q->mask + 1, new_cap = 2 * cap;
    double *t = malloc(new_cap * sizeof *t);
    if (!t) { perror("malloc"); exit(1); }
    for (size_t i = 0; i < q->count; i++) t[i] = q->times[(q->head + i) & q->mask];
    free(q->times);
    q->times = t;
    q->mask = new_cap - 1;
    q->head = 0;
}

static inline void ring_push(Ring *q, double t) {
    if (q->count > q->mask) ring_grow(q);
    q->times[(q->head + q->count++) & q->mask] = t;
}

static inline double ring_pop(Ring *q) {
    double t = q->times[q->head];
    q->head = (q->head + 1) & q->mask;
    q->count--;
    return t;
}

/* ---- Theory --------------------------------------------------------------------------- */

/* Exact mean wait in queue Wq of M/M/c (Erlang C). */
static double erlang_c_wait(int c, double lambda, double mu) {
    double a = lambda / mu, rho = a / c, term = 1.0, partial = 0.0;
    for (int k = 0; k < c; k++) {
        partial += term;
        term *= a / (k + 1);
    } /* term = a^c / c! */
    double tail = term / (1.0 - rho);
    return tail / (partial + tail) / (c * mu - lambda);
}

/* ---- Main ------------------------------------------------------------------------------ */

static void usage(const char *prog) {
    fprintf(stderr, "usage: %s [--customers N] [--seed S]\n", prog);
    exit(2);
}

int main(int argc, char **argv) {
    uint64_t customers = 2000000, seed = 1;
    for (int i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--customers") == 0)
            customers = strtoull(argv[++i], NULL, 10);
        else if (i + 1 < argc && strcmp(argv[i], "--seed") == 0)
            seed = strtoull(argv[++i], NULL, 10);
        else
            usage(argv[0]);
    }
    if (customers < WARMUP_CUSTOMERS + 2 * BATCHES) {
        fprintf(stderr, "need at least %d customers\n", WARMUP_CUSTOMERS + 2 * BATCHES);
        return 2;
    }
    const uint64_t batch_size = (customers - WARMUP_CUSTOMERS) / BATCHES;
    double batch_sum[BATCHES] = {0};

    Rng arrival_rng, service_rng;
    rng_seed(&arrival_rng, seed);
    service_rng = arrival_rng;
    rng_jump(&service_rng);
    const double mean_interarrival = 1.0 / ARRIVAL_RATE, mean_service = 1.0 / SERVICE_RATE;

    Event heap_items[SERVERS + 1];
    Heap heap = {heap_items, 0, 0};
    Ring waiting = {malloc(sizeof(double) << 16), (1u << 16) - 1, 0, 0};
    if (!waiting.times) { perror("malloc"); return 1; }
    int32_t idle[SERVERS]; /* stack of idle server indices */
    int idle_count = 0;
    for (int s = SERVERS - 1; s >= 0; s--) idle[idle_count++] = s;

    uint64_t arrivals = 0, departures = 0, started = 0; /* started = next customer's id */
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);

    heap_push(&heap, rng_exp(&arrival_rng, mean_interarrival), EV_ARRIVAL, -1);
    while (heap.count > 0) {
        Event e = heap_pop(&heap);
        const double now = e.time;
        double arrived; /* arrival time of the customer starting service now, if any */
        int32_t server;
        if (e.type == EV_ARRIVAL) {
            arrivals++;
            if (arrivals < customers)
                heap_push(&heap, now + rng_exp(&arrival_rng, mean_interarrival), EV_ARRIVAL, -1);
            if (idle_count == 0) {
                ring_push(&waiting, now);
                continue;
            }
            server = idle[--idle_count];
            arrived = now;
        } else {
            departures++;
            server = e.server;
            if (waiting.count == 0) {
                idle[idle_count++] = server;
                continue;
            }
            arrived = ring_pop(&waiting);
        }
        /* Start service. FIFO: customers start in arrival order, so `started` is the id. */
        if (started >= WARMUP_CUSTOMERS) {
            uint64_t b = (started - WARMUP_CUSTOMERS) / batch_size;
            if (b < BATCHES) batch_sum[b] += now - arrived;
        }
        started++;
        heap_push(&heap, now + rng_exp(&service_rng, mean_service), EV_DEPARTURE, server);
    }

    clock_gettime(CLOCK_MONOTONIC, &t1);
    const double seconds = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    free(waiting.times);
    if (arrivals != customers || departures != customers) {
        fprintf(stderr, "internal error: %llu arrivals, %llu departures\n",
                (unsigned long long)arrivals, (unsigned long long)departures);
        return 1;
    }

    double grand = 0.0, var = 0.0, means[BATCHES];
    for (int b = 0; b < BATCHES; b++) grand += (means[b] = batch_sum[b] / (double)batch_size);
    grand /= BATCHES;
    for (int b = 0; b < BATCHES; b++) var += (means[b] - grand) * (means[b] - grand);
    var /= BATCHES - 1;
    const double half = T_0995_29 * sqrt(var) / sqrt((double)BATCHES);
    const uint64_t events = arrivals + departures;

    printf("{\"engine\":\"c-loop\",\"customers\":%llu,\"events\":%llu,\"seconds\":%.9g,"
           "\"events_per_second\":%.9g,\"mean_wait\":%.17g,\"ci99_low\":%.17g,"
           "\"ci99_high\":%.17g,\"exact_wait\":%.17g}\n",
           (unsigned long long)customers, (unsigned long long)events, seconds,
           (double)events / seconds, grand, grand - half, grand + half,
           erlang_c_wait(SERVERS, ARRIVAL_RATE, SERVICE_RATE));
    return 0;
}
