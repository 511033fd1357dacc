/* break outside a loop or switch (C11 6.8.6.3p1). */
int main(void) {
	break; // ERROR "break"
	return 0;
}
