/* Structures (C11 6.7.2.1): layout and padding, nesting, assignment, passing and
   returning by value, flexible array members, offsetof. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

struct pad { char c; int i; char d; long l; short s; };
struct point { int x, y; };
struct rect { struct point a, b; };
struct node { int v; struct node *next; };
struct flex { int n; int data[]; };
struct __attribute__((packed)) packed { char c; int i; };
struct big { char buf[100]; int k; };

static struct point mk(int x, int y) { struct point p = {x, y}; return p; }
static int area(struct rect r) { return (r.b.x - r.a.x) * (r.b.y - r.a.y); }
static struct big fill(char ch) { struct big b; memset(b.buf, ch, sizeof b.buf); b.k = ch; return b; }
static void move(struct point *p, int dx) { p->x += dx; }

int main(void) {
	CHECK(sizeof(struct pad) == 32);
	CHECK(offsetof(struct pad, i) == 4 && offsetof(struct pad, d) == 8 && offsetof(struct pad, l) == 16 && offsetof(struct pad, s) == 24);
	CHECK(_Alignof(struct pad) == 8);
	CHECK(sizeof(struct packed) == 5 && offsetof(struct packed, i) == 1);
	struct point p = mk(3, 4);
	CHECK(p.x == 3 && p.y == 4);
	struct rect r = {{1, 1}, {4, 5}};
	CHECK(area(r) == 12);
	struct rect r2 = r;
	r2.a.x = 0;
	CHECK(r.a.x == 1 && area(r2) == 16);
	move(&r.b, 2);
	CHECK(r.b.x == 6);
	struct node n3 = {3, NULL}, n2 = {2, &n3}, n1 = {1, &n2};
	int s = 0;
	for (struct node *n = &n1; n; n = n->next) s += n->v;
	CHECK(s == 6);
	struct flex *f = malloc(sizeof *f + 4 * sizeof(int));
	f->n = 4;
	for (int i = 0; i < 4; i++) f->data[i] = i * i;
	CHECK(f->data[3] == 9 && sizeof(struct flex) == sizeof(int));
	free(f);
	struct big b = fill('z');
	CHECK(b.buf[99] == 'z' && b.k == 'z');
	struct packed pk = {'a', 0x12345678};
	CHECK(pk.i == 0x12345678);
	struct point arr[3] = {{1, 2}, {3, 4}, {5, 6}};
	struct point *pa = arr;
	CHECK(pa[2].y == 6 && (pa + 1)->x == 3);
	CHECK(memcmp(&arr[0], &(struct point){1, 2}, sizeof(struct point)) == 0);
	struct { int a; struct { int b, c; } in; } anon = {1, {2, 3}};
	CHECK(anon.in.c == 3);
	struct point q;
	q = (struct point){.y = 9};
	CHECK(q.x == 0 && q.y == 9);
	struct point *hp = &q;
	(*hp).x = 5;
	CHECK(hp->x == 5);
	return 0;
}
