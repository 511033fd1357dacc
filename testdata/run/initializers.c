/* Initialization (C11 6.7.9): designators, nesting, brace elision, strings, zero
   filling, compound literals, and static initializers with addresses. */
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

struct pt { int x, y; };
struct shape { const char *name; struct pt pts[3]; int n; };
static int g[10] = {[2] = 5, [7] = 9, 10};
static struct shape tri = {"tri", {{0, 0}, {1, 0}, {0, 1}}, 3};
static struct shape line = {.n = 2, .pts[1].y = 7, .name = "line"};
static char msg[] = "static";
static char fixed[8] = "abc";
static int *gp = &g[7];
static const char *strs[] = {"a", "bc", "def"};
static int elided[2][2] = {1, 2, 3, 4};
static struct pt pts2[] = {[1].x = 3, [0] = {1, 1}};

int main(void) {
	CHECK(g[2] == 5 && g[7] == 9 && g[8] == 10 && g[0] == 0 && g[9] == 0);
	CHECK(tri.pts[2].y == 1 && tri.n == 3 && strcmp(tri.name, "tri") == 0);
	CHECK(line.pts[1].y == 7 && line.pts[0].x == 0 && line.n == 2);
	CHECK(sizeof msg == 7 && fixed[3] == 0 && fixed[7] == 0 && sizeof fixed == 8);
	CHECK(*gp == 9 && gp - g == 7);
	CHECK(strs[2][2] == 'f');
	CHECK(elided[1][0] == 3);
	CHECK(sizeof pts2 / sizeof pts2[0] == 2 && pts2[1].x == 3 && pts2[0].y == 1);
	int a[5] = {1, 2};
	CHECK(a[1] == 2 && a[2] == 0 && a[4] == 0);
	int b[] = {1, 2, 3};
	CHECK(sizeof b == 12);
	struct pt p = {.y = 2};
	CHECK(p.x == 0 && p.y == 2);
	struct pt q = {3};
	CHECK(q.y == 0);
	char s[10] = "hi";
	CHECK(s[2] == 0 && s[9] == 0);
	char t[] = {'o', 'k', 0};
	CHECK(strcmp(t, "ok") == 0);
	int *cl = (int[]){4, 5, 6};
	CHECK(cl[2] == 6);
	struct pt *cp = &(struct pt){7, 8};
	CHECK(cp->y == 8);
	int m[3][2] = {[1] = {5, 6}, [2][1] = 9};
	CHECK(m[1][1] == 6 && m[2][1] == 9 && m[0][0] == 0);
	struct { int a[3]; int b; } nest = {{1}, 2};
	CHECK(nest.a[1] == 0 && nest.b == 2);
	union { int i; char c[4]; } un = {.c = {1, 0, 0, 0}};
	CHECK(un.i == 1);
	int v = 5;
	int arr2[3] = {v, v * 2, v * 3};
	CHECK(arr2[2] == 15);
	static int counter = 0;
	counter++;
	CHECK(counter == 1);
	int w[4] = {[3] = 1, [1] = 2};
	CHECK(w[0] == 0 && w[1] == 2 && w[2] == 0 && w[3] == 1);
	return 0;
}
