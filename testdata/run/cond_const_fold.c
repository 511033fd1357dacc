// A constant condition selecting a constant operand is an integer constant whatever
// the other operand (gcc: gcc.dg enum-const-1.c, array-const-1.c).
extern int i;
enum e { E = (1 ? 1 : i), F = (0 ? i : 7) };
int a[] = { [1 ? 1 : i] = 5 };
int main(void) { return E != 1 || F != 7 || sizeof a != 2 * sizeof(int) || a[1] != 5; }
int i;
