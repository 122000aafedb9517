#!/bin/sh
# Posts FILE as the resiplan comment of a pull or merge request, or updates the one posted
# before (found by a hidden marker in its first line), so that every push edits one comment
# instead of adding another. Copy it into the repository that runs the CI recipe.
#
#   sh sticky-comment.sh github compare.md   # gh, jq; GH_TOKEN, GITHUB_REPOSITORY, PR_NUMBER
#   sh sticky-comment.sh gitlab compare.md   # curl, jq; GITLAB_TOKEN, CI_API_V4_URL,
#                                            # CI_PROJECT_ID, CI_MERGE_REQUEST_IID
#
# DRY_RUN=1 prints the request instead of sending it. STICKY_COMMENTS=FILE reads the existing
# comments from FILE (JSON, as the API returns them) instead of asking the API.
set -eu

marker='<!-- resiplan-compare -->'
platform=${1:?usage: sticky-comment.sh github|gitlab FILE}
file=${2:?usage: sticky-comment.sh github|gitlab FILE}

body=$(mktemp)
trap 'rm -f "$body"' EXIT
{ printf '%s\n' "$marker"; cat "$file"; } > "$body"
size=$(wc -c < "$body" | tr -d ' ')

case $platform in
  github)
    : "${GITHUB_REPOSITORY:?}" "${PR_NUMBER:?}"
    comments="repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments"
    if [ "$size" -gt 65536 ]; then
      echo "error: $file is $size bytes, above GitHub's limit for a comment (65,536 characters); write it with resiplan compare --summary" >&2
      exit 1
    fi
    ;;
  gitlab)
    : "${CI_API_V4_URL:?}" "${CI_PROJECT_ID:?}" "${CI_MERGE_REQUEST_IID:?}"
    comments="$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"
    ;;
  *)
    echo "error: unknown platform '$platform': github or gitlab" >&2
    exit 2
    ;;
esac

# The existing comments, as one or more JSON arrays (pages).
existing() {
  if [ -n "${STICKY_COMMENTS:-}" ]; then
    cat "$STICKY_COMMENTS"
  elif [ "$platform" = github ]; then
    gh api --paginate "$comments"
  else
    # Page by page until an empty one (100 notes each; at most 100 pages).
    page=1
    while [ "$page" -le 100 ]; do
      notes=$(curl --fail --silent --show-error --header "PRIVATE-TOKEN: $GITLAB_TOKEN" \
        "$comments?sort=asc&per_page=100&page=$page")
      [ "$(printf '%s' "$notes" | jq length)" -gt 0 ] || break
      printf '%s\n' "$notes"
      page=$((page + 1))
    done
  fi
}

id=$(existing | jq --raw-output --slurp --arg marker "$marker" \
  'add // [] | map(select(.body | startswith($marker))) | first | .id // empty')

if [ -n "$id" ]; then
  method=PATCH
  [ "$platform" = gitlab ] && method=PUT
  if [ "$platform" = github ]; then
    target="repos/$GITHUB_REPOSITORY/issues/comments/$id"
  else
    target="$comments/$id"
  fi
else
  method=POST
  target=$comments
fi

if [ "${DRY_RUN:-}" = 1 ]; then
  echo "dry run: $method $target ($size bytes from $file)"
  exit 0
fi

if [ "$platform" = github ]; then
  gh api --method "$method" "$target" --field "body=@$body" > /dev/null
else
  curl --fail --silent --show-error --request "$method" --header "PRIVATE-TOKEN: $GITLAB_TOKEN" \
    --data-urlencode "body@$body" "$target" > /dev/null
fi
echo "$method $target"
