/* Dereferencing void pointers (qualified or not) as expression statements is allowed
   (C11 6.3.2.2) and reads nothing (gcc.c-torture/compile/20000701-1). */
static void f(void *pv, const void *pcv, volatile void *pvv, int i) {
	*pv;
	i ? *pv : *pv;
	*pcv, *pcv;
	*pvv;
	i ? *pvv : *pvv;
	*pvv, *pvv;
	(void)*pvv;
}

int main(void) {
	int x = 0;
	f(&x, &x, &x, 1);
	f((void *)0, (void *)0, (void *)0, 0); /* nothing is read, so null is fine */
	return x;
}
