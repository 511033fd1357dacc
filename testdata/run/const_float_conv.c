// Constant conversions between floating and integer types, folded as gcc folds them.
int f1(void) { return (int)2147483648.0f; }
int f2(void) { return (int)(float)2147483647; }
int f3(void) { return (int)-1e30; }
unsigned f4(void) { return (unsigned)5e9; }
long long f5(void) { return (long long)1e300; }
signed char f6(void) { return (signed char)300.0; }

int main(void) {
	if (f1() != 2147483647 || f2() != 2147483647 || f3() != -2147483647 - 1)
		return 1;
	if (f4() != 4294967295u || f5() != 9223372036854775807LL || f6() != 127)
		return 2;
	// A double constant converted to long double keeps the double's value.
	double db1 = 1.7976931348623157e+308;
	long double ldb1 = db1;
	if (ldb1 != 1.7976931348623157e+308)
		return 3;
	if ((long double)0.1 != (long double)(double)0.1 || (long double)0.1f != 0.1f)
		return 4;
	if (0.1L == (long double)0.1)
		return 5;
	return 0;
}
