/* Static and global data initialized with addresses (relocations in .data, PIE):
   pointers to objects, functions, string literals, and into arrays and structs. */
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

int counter = 10;
int *pcounter = &counter;
int **ppcounter = &pcounter;
static int table[8] = {1, 2, 3, 4, 5, 6, 7, 8};
int *mid = &table[4];
int *past = table + 8;
static int twice(int x) { return 2 * x; }
int (*fp)(int) = twice;
struct entry { const char *name; int (*fn)(int); int *data; };
struct entry entries[] = {{"twice", twice, &table[1]}, {"none", 0, 0}};
const char *const greeting = "hello";
char *words[] = {"alpha", "beta", "gamma"};
struct self { struct self *me; int v; } self = {&self, 7};
long addr_diff = (long)sizeof table;
char arr[] = "data";
char *parr = arr + 2;
int zeroed[100];
static double dtab[] = {1.5, 2.5};
static const double *dp = &dtab[1];
extern int later;
int *plater = &later;
int later = 99;
_Bool flag = 1;
unsigned long long big = 0xfedcba9876543210ull;

static int get_static(void) { static int calls; return ++calls; }

int main(void) {
	CHECK(*pcounter == 10 && **ppcounter == 10);
	counter = 20;
	CHECK(*pcounter == 20);
	CHECK(*mid == 5 && past - table == 8 && past[-1] == 8);
	CHECK(fp(21) == 42);
	CHECK(strcmp(entries[0].name, "twice") == 0 && entries[0].fn(5) == 10 && *entries[0].data == 2);
	CHECK(entries[1].fn == 0);
	CHECK(strcmp(greeting, "hello") == 0 && words[2][0] == 'g');
	CHECK(self.me == &self && self.me->me->v == 7);
	CHECK(addr_diff == 32 && *parr == 't');
	for (int i = 0; i < 100; i++) CHECK(zeroed[i] == 0);
	CHECK(*dp == 2.5 && *plater == 99 && flag && big >> 60 == 0xf);
	get_static();
	CHECK(get_static() == 2);
	return 0;
}
