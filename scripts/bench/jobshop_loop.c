/*
 * jobshop_loop.c: a minimal hand-written discrete-event loop for the job-shop benchmark, the
 * "speed of light" next to `takt run scenarios/bench/jobshop.yaml` and jobshop_simpy.py.
 *
 * Model: 10 groups of 2 identical machines, one FIFO queue per group. Each job draws k uniform
 * on 5..10 and visits k distinct groups in random order (a partial Fisher-Yates shuffle of the
 * 10 groups); every operation takes a lognormal time with mean 1 and coefficient of variation
 * 0.5, drawn when the operation starts. Poisson arrivals at rate 0.85 * 20 / 7.5 (utilisation
 * 0.85: 7.5 operations of mean 1 per job over 20 machines). N jobs (default 200,000); the run
 * ends when the last job has left. Model events: arrivals + operation ends.
 *
 * Engine: a binary min-heap of (time, sequence) events; each event carries a type and a job
 * slot. Jobs live in recycled slots (free list), queues are ring buffers of slots that double
 * when full (rare, not per event); nothing is allocated per event.
 * Random numbers: xoshiro256** seeded by splitmix64(seed), one stream for everything;
 * normal deviates by the polar method.
 *
 * Build and run (scripts/bench/compare.sh does this):
 *   cc -O2 -o scripts/bench/.build/jobshop_loop scripts/bench/jobshop_loop.c -lm
 *   scripts/bench/.build/jobshop_loop [--jobs N] [--seed S]
 *
 * Prints exactly one JSON line on stdout:
 *   {"engine":"c-loop","model":"jobshop","jobs":N,"events":E,"seconds":s,
 *    "mean_flow_time":x,"operations":O}
 * "seconds" is the wall-clock (CLOCK_MONOTONIC) time of the event loop only; mean_flow_time is
 * over all N jobs (arrival to the end of the last operation), in units of the mean time.
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { GROUPS = 10, MACHINES_PER_GROUP = 2, MIN_OPS = 5, MAX_OPS = 10 };
static const double UTILISATION = 0.85;
static const double CV = 0.5;

/* ---- Random numbers ------------------------------------------------------------------ */

static uint64_t splitmix64(uint64_t *state) {
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

typedef struct { uint64_t s[4]; int has_spare; double spare; } Rng;

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

static inline double rng_open01(Rng *r) { return ((double)(rng_next(r) >> 11) + 0.5) * 0x1.0p-53; }

static inline double rng_exp(Rng *r, double mean) { return -mean * log(rng_open01(r)); }

/* Standard normal, Marsaglia's polar method (two deviates per accepted pair). */
static inline double rng_normal(Rng *r) {
    if (r->has_spare) { r->has_spare = 0; return r->spare; }
    double u, v, s;
    do {
        u = 2.0 * rng_open01(r) - 1.0;
        v = 2.0 * rng_open01(r) - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = sqrt(-2.0 * log(s) / s);
    r->spare = v * f;
    r->has_spare = 1;
    return u * f;
}

/* Uniform integer in [0, n): Lemire's multiply-shift (bias negligible for n <= 10). */
static inline uint32_t rng_below(Rng *r, uint32_t n) {
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* ---- Event calendar ----------------------------------------------------------------- */

enum { EV_ARRIVAL = 0, EV_END = 1 };

typedef struct { double time; uint64_t seq; int32_t type; int32_t job; } Event;

typedef struct { Event *items; size_t count, capacity; uint64_t next_seq; } Heap;

static inline int ev_before(const Event *a, const Event *b) {
    return a->time < b->time || (a->time == b->time && a->seq < b->seq);
}

static inline void heap_push(Heap *h, double time, int32_t type, int32_t job) {
    Event e = {time, h->next_seq++, type, job};
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

/* ---- Jobs and queues -------------------------------------------------------------------- */

typedef struct { double arrived; uint8_t route[GROUPS]; uint8_t ops, next; int32_t free_next; } Job;

typedef struct { Job *items; int32_t capacity, free_head; } JobPool;

static int32_t job_new(JobPool *p) {
    if (p->free_head < 0) {
        int32_t old = p->capacity, cap = old ? 2 * old : 1024;
        p->items = realloc(p->items, (size_t)cap * sizeof *p->items);
        if (!p->items) { perror("realloc"); exit(1); }
        for (int32_t i = cap - 1; i >= old; i--) { p->items[i].free_next = p->free_head; p->free_head = i; }
        p->capacity = cap;
    }
    int32_t j = p->free_head;
    p->free_head = p->items[j].free_next;
    return j;
}

static inline void job_free(JobPool *p, int32_t j) { p->items[j].free_next = p->free_head; p->free_head = j; }

typedef struct { int32_t *slots; size_t mask, head, count; int idle; } Group;

static void queue_grow(Group *g) {
    size_t cap = g->mask + 1, new_cap = 2 * cap;
    int32_t *s = malloc(new_cap * sizeof *s);
    if (!s) { perror("malloc"); exit(1); }
    for (size_t i = 0; i < g->count; i++) s[i] = g->slots[(g->head + i) & g->mask];
    free(g->slots);
    g->slots = s;
    g->mask = new_cap - 1;
    g->head = 0;
}

/* ---- Main ------------------------------------------------------------------------------ */

int main(int argc, char **argv) {
    uint64_t jobs = 200000, seed = 1;
    for (int i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--jobs") == 0) jobs = strtoull(argv[++i], NULL, 10);
        else if (i + 1 < argc && strcmp(argv[i], "--seed") == 0) seed = strtoull(argv[++i], NULL, 10);
        else { fprintf(stderr, "usage: %s [--jobs N] [--seed S]\n", argv[0]); return 2; }
    }
    const double mean_ops = (MIN_OPS + MAX_OPS) / 2.0;
    const double rate = UTILISATION * GROUPS * MACHINES_PER_GROUP / mean_ops;
    const double sigma2 = log(1.0 + CV * CV), sigma = sqrt(sigma2), mu = -sigma2 / 2.0; /* mean 1 */

    Rng rng = {{0}, 0, 0.0};
    uint64_t sm = seed;
    for (int i = 0; i < 4; i++) rng.s[i] = splitmix64(&sm);

    Heap heap = {malloc(1024 * sizeof(Event)), 0, 1024, 0};
    JobPool pool = {NULL, 0, -1};
    Group groups[GROUPS];
    for (int g = 0; g < GROUPS; g++) {
        groups[g] = (Group){malloc(sizeof(int32_t) << 10), (1u << 10) - 1, 0, 0, MACHINES_PER_GROUP};
        if (!groups[g].slots) { perror("malloc"); return 1; }
    }
    if (!heap.items) { perror("malloc"); return 1; }

    uint64_t arrivals = 0, finished = 0, events = 0, operations = 0;
    double flow_sum = 0.0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);

    heap_push(&heap, rng_exp(&rng, 1.0 / rate), EV_ARRIVAL, -1);
    while (heap.count > 0) {
        Event e = heap_pop(&heap);
        const double now = e.time;
        events++;
        int32_t j; /* the job that moves on to its next group, if any */
        if (e.type == EV_ARRIVAL) {
            arrivals++;
            if (arrivals < jobs) heap_push(&heap, now + rng_exp(&rng, 1.0 / rate), EV_ARRIVAL, -1);
            j = job_new(&pool);
            Job *job = &pool.items[j];
            uint8_t all[GROUPS];
            for (int g = 0; g < GROUPS; g++) all[g] = (uint8_t)g;
            const int k = MIN_OPS + (int)rng_below(&rng, MAX_OPS - MIN_OPS + 1);
            for (int i = 0; i < k; i++) { /* partial Fisher-Yates: k distinct groups, random order */
                int pick = i + (int)rng_below(&rng, (uint32_t)(GROUPS - i));
                uint8_t t = all[i]; all[i] = all[pick]; all[pick] = t;
                job->route[i] = all[i];
            }
            job->ops = (uint8_t)k;
            job->next = 0;
            job->arrived = now;
        } else {
            operations++;
            j = e.job;
            Job *job = &pool.items[j];
            Group *g = &groups[job->route[job->next]];
            if (g->count > 0) { /* the freed machine takes the head of the queue */
                int32_t waiting = g->slots[g->head];
                g->head = (g->head + 1) & g->mask;
                g->count--;
                heap_push(&heap, now + exp(mu + sigma * rng_normal(&rng)), EV_END, waiting);
            } else {
                g->idle++;
            }
            if (++job->next == job->ops) {
                flow_sum += now - job->arrived;
                finished++;
                job_free(&pool, j);
                continue;
            }
        }
        Job *job = &pool.items[j];
        Group *g = &groups[job->route[job->next]];
        if (g->idle > 0) {
            g->idle--;
            if (heap.count == heap.capacity) {
                heap.capacity *= 2;
                heap.items = realloc(heap.items, heap.capacity * sizeof(Event));
                if (!heap.items) { perror("realloc"); return 1; }
            }
            heap_push(&heap, now + exp(mu + sigma * rng_normal(&rng)), EV_END, j);
        } else {
            if (g->count > g->mask) queue_grow(g);
            g->slots[(g->head + g->count++) & g->mask] = j;
        }
    }

    clock_gettime(CLOCK_MONOTONIC, &t1);
    const double seconds = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    if (arrivals != jobs || finished != jobs) {
        fprintf(stderr, "internal error: %llu arrivals, %llu finished\n", (unsigned long long)arrivals,
                (unsigned long long)finished);
        return 1;
    }
    printf("{\"engine\":\"c-loop\",\"model\":\"jobshop\",\"jobs\":%llu,\"events\":%llu,\"seconds\":%.9g,"
           "\"mean_flow_time\":%.17g,\"operations\":%llu}\n",
           (unsigned long long)jobs, (unsigned long long)events, seconds, flow_sum / (double)jobs,
           (unsigned long long)operations);
    return 0;
}
