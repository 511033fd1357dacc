/* stdio: temporary files, formatted and binary I/O, line input, seeking. */
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

int main(void) {
	FILE *f = tmpfile();
	CHECK(f != NULL);
	fprintf(f, "%d %s\n", 42, "answer");
	fputs("second line\n", f);
	fputc('X', f);
	double data[3] = {1.5, 2.5, 3.5};
	fwrite(data, sizeof data[0], 3, f);
	rewind(f);
	int n;
	char word[16];
	CHECK(fscanf(f, "%d %15s", &n, word) == 2 && n == 42 && strcmp(word, "answer") == 0);
	CHECK(fgetc(f) == '\n');
	char line[64];
	CHECK(fgets(line, sizeof line, f) && strcmp(line, "second line\n") == 0);
	CHECK(getc(f) == 'X');
	double back[3];
	CHECK(fread(back, sizeof back[0], 3, f) == 3 && back[2] == 3.5);
	CHECK(fgetc(f) == EOF && feof(f));
	CHECK(fseek(f, 0, SEEK_END) == 0 && ftell(f) == 3 + 7 + 12 + 1 + 24);
	fclose(f);
	char buf[8];
	FILE *m = fmemopen(buf, sizeof buf, "w");
	fprintf(m, "hi%d", 5);
	fclose(m);
	CHECK(strcmp(buf, "hi5") == 0);
	CHECK(puts("stdio ok") >= 0);
	fflush(stdout);
	return 0;
}
