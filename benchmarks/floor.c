/*
 * floor: the speed floor for `eplan lint` benchmarks.
 *
 * Walks a folder recursively (skipping hidden folders, as eplan does), reads every *.yaml
 * file and runs only libyaml's event parser over it (yaml_parser_parse until the stream end;
 * no tree, no decoding, no rules), single-threaded. Whatever eplan does on top of this costs
 * time; this is what reading and tokenising the same bytes costs at the least.
 *
 *     cc -O2 benchmarks/floor.c -o .build-bench/floor -lyaml
 *     .build-bench/floor DIR      ->  files N bytes N events N errors N
 *
 * Exit status: 0, or 2 when the folder cannot be read.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

static unsigned long long n_files, n_bytes, n_events, n_errors;
static unsigned char *buffer;
static size_t buffer_size;

static int has_yaml_suffix(const char *name) {
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

static void parse_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "floor: %s: %s\n", path, strerror(errno));
        n_errors++;
        return;
    }
    size_t used = 0;
    for (;;) {
        if (used == buffer_size) {
            buffer_size = buffer_size ? buffer_size * 2 : 1 << 16;
            buffer = realloc(buffer, buffer_size);
            if (!buffer) {
                fprintf(stderr, "floor: out of memory\n");
                exit(2);
            }
        }
        size_t got = fread(buffer + used, 1, buffer_size - used, f);
        used += got;
        if (got == 0) break;
    }
    fclose(f);
    n_files++;
    n_bytes += used;

    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, buffer, used);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "floor: %s: %s\n", path, parser.problem ? parser.problem : "parse error");
            n_errors++;
            break;
        }
        n_events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
}

static int walk(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "floor: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    /* Sorted order is not needed for counting; readdir order is what a simple walker gets. */
    struct dirent *e;
    size_t len = strlen(dir);
    char *path = malloc(len + 2 + 4096);
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue; /* ., .., hidden files and folders */
        snprintf(path, len + 2 + 4096, "%s/%s", dir, e->d_name);
        int is_dir = e->d_type == DT_DIR, is_reg = e->d_type == DT_REG;
        if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
            struct stat st;
            if (stat(path, &st) != 0) continue;
            is_dir = S_ISDIR(st.st_mode);
            is_reg = S_ISREG(st.st_mode);
        }
        if (is_dir) {
            walk(path);
        } else if (is_reg && has_yaml_suffix(e->d_name)) {
            parse_file(path);
        }
    }
    free(path);
    closedir(d);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: floor DIR\n");
        return 2;
    }
    if (walk(argv[1]) != 0) return 2;
    printf("files %llu bytes %llu events %llu errors %llu\n", n_files, n_bytes, n_events, n_errors);
    free(buffer);
    return 0;
}
