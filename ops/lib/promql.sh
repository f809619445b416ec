# Shell helpers shared by scripts/test-ops.sh and ops/prometheus/live-check.sh (source this file; run from
# the repository root). They read the rule and dashboard files without a YAML library: awk, sed and jq.

# rules_tsv FILE: one line per rule of a Prometheus rules file: "record|alert <TAB> name <TAB> expr", with
# block scalars (`expr: |`) joined onto one line.
rules_tsv() {
  awk '
    function flush() { if (buf != "") print kind "\t" name "\t" buf; buf = "" }
    {
      if (inblock) {
        if ($0 ~ /^[ ]*$/) next
        match($0, /^[ ]*/); cur = RLENGTH
        if (ind < 0) ind = cur
        if (cur >= ind) { line = $0; sub(/^[ ]*/, "", line); buf = buf (buf == "" ? "" : " ") line; next }
        inblock = 0; flush()
      }
      if ($0 ~ /^[ ]*- (record|alert):/) { kind = $2; sub(/:$/, "", kind); name = $3 }
      if ($0 ~ /^[ ]*expr:[ ]*[|>][-+]?[ ]*$/) { inblock = 1; ind = -1; buf = ""; next }
      if ($0 ~ /^[ ]*expr:/) { line = $0; sub(/^[ ]*expr:[ ]*/, "", line); buf = line; flush() }
    }
    END { if (inblock) flush() }' "$1"
}

# dashboard_exprs FILE...: "<dashboard uid>:<panel id>:<refId> <TAB> expr" for every panel target and every
# query variable (label_values(X, label) gives X), with Grafana's variables replaced so that the text is
# plain PromQL: $__rate_interval/$__interval/$__range -> 5m, any other $var -> .* (all values).
dashboard_exprs() {
  jq -r '
    def plain: gsub("\\$__rate_interval|\\$__interval|\\$__range"; "5m")
             | gsub("\\$\\{?[A-Za-z_][A-Za-z0-9_]*(:[a-z]+)?\\}?"; ".*");
    .uid as $uid
    | ( [.panels[]? | (., .panels[]?) | select(.targets) | .id as $id
         | .targets[] | select(.expr) | {key: "\($uid):panel_\($id):\(.refId)", expr: .expr}]
      + [.templating.list[]? | select(.type == "query") | .name as $n
         | (.definition // (.query | if type == "object" then .query else . end))
         | (capture("^label_values\\((?<m>.*),\\s*[A-Za-z_]+\\)$").m // .)
         | {key: "\($uid):var_\($n)", expr: .}] )[]
    | "\(.key)\t\(.expr | plain)"' "$@"
}

# metric_names: the metric names in the PromQL expressions read on stdin, one per line, sorted (strings,
# label matchers, ranges, grouping clauses, keywords and function names removed).
metric_names() {
  sed -E 's/"([^"\\]|\\.)*"//g; s/\{[^}]*\}//g; s/\[[^]]*\]//g' |
    sed -E 's/\b(by|without|on|ignoring|group_left|group_right)[[:space:]]*\([^)]*\)//g' |
    grep -oE '[A-Za-z_:][A-Za-z0-9_:]*[[:space:]]*\(?' |
    grep -vE '\($' | tr -d ' ' |
    grep -vxE 'by|without|on|ignoring|group_left|group_right|bool|and|or|unless|offset|inf|nan|Inf|NaN' |
    sort -u
}

# documented_names: metric names in docs/metrics.md, shorthand forms expanded (`jvm_memory_used_bytes` /
# `_committed_` / `_max_`, `..._count` / `_sum`); wildcards (`tomcat_sessions_*`) as "PREFIX:<prefix>".
documented_names() {
  grep -E '^\|' docs/metrics.md | while IFS= read -r line; do
    local tokens t base="" word parts p i
    tokens=$(grep -oE '`[^`]+`' <<<"$line" | tr -d '`' | sed -E 's/\{.*//')
    for t in $tokens; do
      if [[ $t =~ ^[a-z][a-z0-9_]*$ ]]; then
        [ -z "$base" ] && base=$t
        echo "$t"; for p in _count _sum _max _bucket _total; do echo "$t$p"; done
      elif [[ $t =~ ^_[a-z]+_?$ ]] && [ -n "$base" ]; then
        word=${t//_/}
        IFS=_ read -ra parts <<<"$base"
        for i in "${!parts[@]}"; do
          p=("${parts[@]}"); p[$i]=$word
          (IFS=_; echo "${p[*]}")
        done
        echo "${base}_$word"
      elif [[ $t =~ ^[a-z][a-z0-9_]*_\*$ ]]; then
        echo "PREFIX:${t%\*}"
      fi
    done
  done | sort -u
}

# pending_names: the metrics listed under "Metrics the engine must still export" in ops/prometheus/README.md.
pending_names() {
  awk '/^## Metrics the engine must still export/ { on = 1; next } /^## / { on = 0 } on' ops/prometheus/README.md |
    grep -oE '^\| `[a-z_]+' | sed 's/^| `//' | sort -u
}
