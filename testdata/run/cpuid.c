/* gocc's <cpuid.h>: every x86-64 processor reports SSE, SSE2 and long mode. */
#include <cpuid.h>
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

int main(void) {
	unsigned sig, a, b, c, d;
	unsigned max = __get_cpuid_max(0, &sig);
	CHECK(max >= 1);
	__cpuid(0, a, b, c, d);
	CHECK(a == max && b == sig);
	char vendor[13];
	memcpy(vendor, &b, 4), memcpy(vendor + 4, &d, 4), memcpy(vendor + 8, &c, 4);
	vendor[12] = 0;
	CHECK(strlen(vendor) == 12);
	CHECK(sig != signature_INTEL_ebx || (d == signature_INTEL_edx && c == signature_INTEL_ecx));
	CHECK(__get_cpuid(1, &a, &b, &c, &d) == 1);
	CHECK((d & bit_SSE) && (d & bit_SSE2) && (d & bit_CMOV));
	CHECK(__get_cpuid_max(0x80000000, 0) >= 0x80000001);
	CHECK(__get_cpuid(0x80000001, &a, &b, &c, &d) && (d & bit_LM));
	if (max >= 7)
		CHECK(__get_cpuid_count(7, 0, &a, &b, &c, &d) == 1);
	CHECK(__get_cpuid(max + 1, &a, &b, &c, &d) == 0);
	return 0;
}
