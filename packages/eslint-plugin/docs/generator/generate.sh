#!/bin/sh
# Regenerates the README rules table and the rule doc headers (add --check to only verify).
cd "$(dirname "$0")/../.." && exec node node_modules/eslint-doc-generator/dist/bin/eslint-doc-generator.js docs/generator \
  --path-rule-doc ../rules/{name}.md --path-rule-list ../../README.md --rule-doc-title-format prefix-name \
  --rule-doc-section-include Examples --rule-doc-section-include Options --rule-doc-section-include 'When Not To Use It' "$@"
