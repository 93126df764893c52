#!/usr/bin/env bash
# real-redmine.sh — a real Redmine 5 (Debian 12's `redmine` package, 5.0.4) on 127.0.0.1 for tests.
#
#   scripts/real-redmine.sh [up|stop|status]      (as root, on Debian 12)
#
# `up` installs (first time), starts, enables the REST API and creates a known fixture through the
# API: users jsmith and dlopper (password password123), public project `demo` (jsmith Developer,
# dlopper Manager; categories Backend/Frontend; version v1.0), private project `ops` (jsmith
# Manager, dlopper Developer), list custom field Severity, a few issues. Idempotent; about 90 s on
# a fresh machine, under 2 s when already up. Writes $REDMINE_STATE/env (REDMINE_URL,
# REDMINE_API_KEY, REDMINE_JSMITH_API_KEY, REDMINE_DLOPPER_API_KEY); logs go to stderr.
#
# Traps handled (see ../shared/redmine/NOTES.md): bookworm's ruby ships bundler 2.3.27, newer than
# ruby-bundler's 2.3.15, which breaks redmine's postinst: pin BUNDLER_VERSION everywhere. Only
# bundled gems load, so serve with `rackup -s thin` (rails server cannot). Writes without
# `Content-Type: application/json` are silent no-ops, so every write here sets it.
set -Eeuo pipefail

PORT=${REDMINE_PORT:-3300}
STATE=${REDMINE_STATE:-/tmp/redmine-state}
BASE="http://127.0.0.1:$PORT"
RM=/usr/share/redmine
RUN_AS=www-data
PASSWORD=password123
PACKAGES=(redmine redmine-sqlite thin curl jq)

say() { printf '[real-redmine] %s\n' "$*" >&2; }
fail() { say "ERROR: $*"; exit 1; }
trap 'say "failed at line $LINENO: $BASH_COMMAND"' ERR

pin_bundler() {
  local v
  v=$(dpkg-query -W -f='${Version}' ruby-bundler 2>/dev/null || true)
  v=${v#*:}
  BUNDLER_VERSION=${v%%-*}
  [ -n "$BUNDLER_VERSION" ] || fail "ruby-bundler is not installed"
  export BUNDLER_VERSION
}

apt_quiet() {
  env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 BUNDLER_VERSION="${BUNDLER_VERSION:-}" \
    timeout 1800 apt-get -y -q -o DPkg::Lock::Timeout=600 "$@" >&2
}

installed() {
  local p
  for p in "${PACKAGES[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || return 1
  done
  [ -z "$(dpkg --audit 2>/dev/null)" ]
}

install_packages() {
  if installed; then return 0; fi
  say "installing ${PACKAGES[*]} from Debian (first time only)"
  apt_quiet update
  debconf-set-selections <<'EOF'
redmine redmine/current-instances string default
redmine redmine/instances/default/dbconfig-install boolean true
redmine redmine/instances/default/database-type select sqlite3
redmine redmine/instances/default/db/dbname string redmine_default
redmine redmine/instances/default/default-language select en
EOF
  apt_quiet install --no-install-recommends ruby-bundler
  pin_bundler
  [ -z "$(dpkg --audit 2>/dev/null)" ] || env BUNDLER_VERSION="$BUNDLER_VERSION" dpkg --configure -a >&2
  apt_quiet install --no-install-recommends -o Dpkg::Options::=--force-confdef \
    -o Dpkg::Options::=--force-confold "${PACKAGES[@]}"
  [ -z "$(dpkg --audit 2>/dev/null)" ] || env BUNDLER_VERSION="$BUNDLER_VERSION" dpkg --configure -a >&2
}

in_redmine() {
  (cd "$RM" && runuser -u "$RUN_AS" -- env HOME="$STATE/home" LANG=C.UTF-8 RAILS_ENV=production \
    REDMINE_INSTANCE=default BUNDLER_VERSION="$BUNDLER_VERSION" "$@")
}

prepare_ruby() {
  local lock=/var/lib/redmine/Gemfile.lock
  # dpkg triggers re-run redmine's postinst, which deletes the lock file first.
  if ! { [ -s "$lock" ] && grep -q '^    thin ' "$lock"; }; then
    say "rebuilding $lock"
    (cd "$RM" && timeout 300 bundle install --local --quiet) >&2
    chown "$RUN_AS:$RUN_AS" "$lock"
  fi
  if [ "$(in_redmine bundle exec rails runner 'print Tracker.count' 2>/dev/null || echo 0)" = 0 ]; then
    say "migrating the database and loading Redmine's default data"
    in_redmine env SCHEMA=/dev/null timeout 600 bundle exec rake db:migrate >&2
    in_redmine env REDMINE_LANG=en timeout 600 bundle exec rake redmine:load_default_data >&2
  fi
}

# Settings and records that have no REST write API; prints the admin's API key.
configure() {
  in_redmine timeout 300 bundle exec rails runner '
    Setting.rest_api_enabled = "1"
    admin = User.find_by_login("admin")
    admin.update_column(:must_change_passwd, false) if admin.must_change_passwd?
    IssueCustomField.find_by(name: "Severity") || IssueCustomField.create!(
      name: "Severity", field_format: "list", possible_values: %w[minor major critical],
      is_for_all: true, is_filter: true, searchable: true, visible: true, tracker_ids: Tracker.pluck(:id))
    unless IssueQuery.where(name: "Open bugs").exists?
      q = IssueQuery.new(name: "Open bugs", project: nil, user: admin)
      q.visibility = Query::VISIBILITY_PUBLIC
      q.add_filter("status_id", "o", [""])
      q.add_filter("tracker_id", "=", [Tracker.find_by_name("Bug").id.to_s])
      q.save!
    end
    puts "KEY=#{admin.api_key}"' 2>"$STATE/runner.err" | sed -n 's/^KEY=//p' | tail -n1
}

pid_alive() {
  local pid
  pid=$(cat "$STATE/redmine.pid" 2>/dev/null) || return 1
  [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q rackup
}

code_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" || true; }

# The pid of a Redmine (rackup in $RM) already listening on $PORT, e.g. when the state dir was lost.
listening_redmine() {
  local pid
  pid=$(ss -Hltnp "sport = :$PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2)
  [ -n "$pid" ] && [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$RM" ] &&
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q rackup && echo "$pid"
}

start() {
  local running
  if ! pid_alive && running=$(listening_redmine); then
    say "adopting the Redmine already listening on $BASE (pid $running)"
    echo "$running" >"$STATE/redmine.pid"
  fi
  if ! pid_alive; then
    [ "$(code_of "$BASE/")" = 000 ] || fail "port $PORT is taken by something else (set REDMINE_PORT)"
    say "starting Redmine on $BASE (thin, as $RUN_AS)"
    (cd "$RM" && exec setsid env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$STATE/home" \
      LANG=C.UTF-8 RAILS_ENV=production REDMINE_INSTANCE=default BUNDLER_VERSION="$BUNDLER_VERSION" \
      setpriv --reuid="$RUN_AS" --regid="$RUN_AS" --init-groups \
      bundle exec rackup -s thin -o 127.0.0.1 -p "$PORT" -E production config.ru \
      >>"$STATE/redmine.log" 2>&1 </dev/null) &
    echo $! >"$STATE/redmine.pid"
  fi
  local t0=$SECONDS
  until [ "$(code_of "$BASE/projects.json")" = 200 ]; do
    pid_alive || { tail -n 30 "$STATE/redmine.log" >&2; fail "Redmine died while starting"; }
    ((SECONDS - t0 < 180)) || fail "Redmine did not answer within 180 s"
    sleep 1
  done
}

# ---- the fixture, through the REST API ----
call() { # METHOD PATH [JSON] -> prints body; fails unless 2xx
  local out code
  out=$(mktemp)
  local args=(-sS -o "$out" -w '%{http_code}' --max-time 60 -X "$1" -H "X-Redmine-API-Key: $KEY")
  [ -n "${AS:-}" ] && args+=(-H "X-Redmine-Switch-User: $AS")
  [ -n "${3:-}" ] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
  code=$(curl "${args[@]}" "$BASE$2") || code=000
  [[ $code == 2* ]] || fail "$1 $2 -> HTTP $code: $(head -c 300 "$out")"
  cat "$out"
  rm -f "$out"
}
id_of() { jq -r "$1" | head -n1; }

user() { # login first last -> id
  local id
  id=$(call GET "/users.json?name=$1" | id_of ".users[]|select(.login==\"$1\").id")
  [ -n "$id" ] || id=$(call POST /users.json "{\"user\":{\"login\":\"$1\",\"firstname\":\"$2\",\"lastname\":\"$3\",\"mail\":\"$1@example.net\",\"password\":\"$PASSWORD\",\"must_change_passwd\":false}}" | id_of .user.id)
  echo "$id"
}

project() { # identifier name public -> id
  local body
  if body=$(call GET "/projects/$1.json" 2>/dev/null); then id_of .project.id <<<"$body"; return; fi
  call POST /projects.json "{\"project\":{\"name\":\"$2\",\"identifier\":\"$1\",\"is_public\":$3,\"description\":\"Fixture project $2\",\"tracker_ids\":[1,2,3],\"enabled_module_names\":[\"issue_tracking\",\"time_tracking\",\"wiki\",\"files\",\"news\",\"documents\",\"boards\",\"calendar\",\"gantt\"]}}" | id_of .project.id
}

member() { # project user_id role_id
  call GET "/projects/$1/memberships.json?limit=100" | jq -e ".memberships[]|select(.user.id==$2)" >/dev/null ||
    call POST "/projects/$1/memberships.json" "{\"membership\":{\"user_id\":$2,\"role_ids\":[$3]}}" >/dev/null
}

named() { # JSON-list-path name -> id   (reads the JSON on stdin)
  jq -r --arg n "$2" "$1[]|select(.name==\$n).id" | head -n1
}

issue() { # JSON fields -> id
  call POST /issues.json "{\"issue\":$1}" | id_of .issue.id
}

move() { # issue status_id user [notes]: fails unless the workflow really applied it
  local body
  body=$(jq -nc --argjson s "$2" --arg n "${4:-}" '{issue:({status_id:$s} + if $n == "" then {} else {notes:$n} end)}')
  AS=$3 call PUT "/issues/$1.json" "$body" >/dev/null
  [ "$(call GET "/issues/$1.json" | jq .issue.status.id)" = "$2" ] ||
    fail "the workflow did not let $3 move issue #$1 to status $2"
}

attach() { # issue filename content
  local token
  token=$(printf '%s' "$3" | curl -sS --fail --max-time 60 -X POST -H "X-Redmine-API-Key: $KEY" \
    -H 'Content-Type: application/octet-stream' --data-binary @- "$BASE/uploads.json?filename=$2" |
    jq -r .upload.token)
  [ -n "$token" ] && [ "$token" != null ] || fail "upload of $2 failed"
  call PUT "/issues/$1.json" "$(jq -nc --arg t "$token" --arg f "$2" \
    '{issue:{notes:"Attaching the worker log.",uploads:[{token:$t,filename:$f,content_type:"text/plain",description:"worker log"}]}}')" >/dev/null
}

# The fixture of ../shared/redmine/NOTES.md: ids come out as listed there on a fresh database.
fixture_issues() { # demo ops jsmith dlopper
  local demo=$1 ops=$2 js=$3 dl=$4 t s p cf backend frontend v1 i1 i5 i6 i7 i8 i10 i
  t=$(call GET /trackers.json)
  s=$(call GET /issue_statuses.json)
  p=$(call GET /enumerations/issue_priorities.json)
  local bug feature support progress resolved feedback closed rejected
  bug=$(named .trackers Bug <<<"$t")
  feature=$(named .trackers Feature <<<"$t")
  support=$(named .trackers Support <<<"$t")
  progress=$(named .issue_statuses 'In Progress' <<<"$s")
  resolved=$(named .issue_statuses Resolved <<<"$s")
  feedback=$(named .issue_statuses Feedback <<<"$s")
  closed=$(named .issue_statuses Closed <<<"$s")
  rejected=$(named .issue_statuses Rejected <<<"$s")
  local low normal high urgent immediate
  low=$(named .issue_priorities Low <<<"$p")
  normal=$(named .issue_priorities Normal <<<"$p")
  high=$(named .issue_priorities High <<<"$p")
  urgent=$(named .issue_priorities Urgent <<<"$p")
  immediate=$(named .issue_priorities Immediate <<<"$p")
  [ -n "$immediate" ] && [ -n "$rejected" ] && [ -n "$support" ] ||
    fail "Redmine's default data is missing (load_default_data with REDMINE_LANG=en)"
  cf=$(call GET /custom_fields.json | named .custom_fields Severity)
  backend=$(call GET /projects/demo/issue_categories.json | named .issue_categories Backend)
  frontend=$(call GET /projects/demo/issue_categories.json | named .issue_categories Frontend)
  v1=$(call GET /projects/demo/versions.json | named .versions v1.0)

  say "creating fixture issues #1 to #10"
  i1=$(issue "{\"project_id\":$demo,\"tracker_id\":$bug,\"subject\":\"Login page returns 500 on empty password\",\"description\":\"Steps: open /login, submit with an empty password.\",\"priority_id\":$high,\"assigned_to_id\":$js,\"category_id\":$backend,\"fixed_version_id\":$v1,\"custom_fields\":[{\"id\":$cf,\"value\":\"major\"}]}")
  move "$i1" "$progress" jsmith "Reproduced locally; looking into the password validator."
  AS=dlopper call PUT "/issues/$i1.json" '{"issue":{"notes":"Thanks, please add a regression test too.","done_ratio":30}}' >/dev/null

  i=$(issue "{\"project_id\":$demo,\"tracker_id\":$feature,\"subject\":\"Add CSV export to the issue list\",\"priority_id\":$normal,\"assigned_to_id\":$dl,\"category_id\":$frontend,\"estimated_hours\":6}")
  move "$i" "$progress" dlopper
  move "$i" "$resolved" dlopper "Implemented in the export menu."

  # Developer's default workflow: New -> In Progress -> Resolved -> Closed.
  i=$(issue "{\"project_id\":$demo,\"tracker_id\":$bug,\"subject\":\"Typo in footer copyright\",\"priority_id\":$low,\"assigned_to_id\":$js,\"custom_fields\":[{\"id\":$cf,\"value\":\"minor\"}]}")
  move "$i" "$progress" jsmith
  move "$i" "$resolved" jsmith "Fixed the typo."
  move "$i" "$closed" jsmith "Verified on staging."

  i=$(issue "{\"project_id\":$demo,\"tracker_id\":$support,\"subject\":\"How do I reset my API key?\",\"priority_id\":$normal}")
  move "$i" "$feedback" admin "Use My account > API access key > Reset. Does that help?"

  i5=$(issue "{\"project_id\":$demo,\"tracker_id\":$feature,\"subject\":\"Dark mode\",\"priority_id\":$low,\"start_date\":\"2025-01-06\",\"due_date\":\"2025-03-31\"}")
  i6=$(issue "{\"project_id\":$demo,\"tracker_id\":$feature,\"subject\":\"Dark mode: settings toggle\",\"priority_id\":$low,\"parent_issue_id\":$i5,\"assigned_to_id\":$dl}")
  call POST "/issues/$i6/watchers.json" "{\"user_id\":$js}" >/dev/null

  i7=$(issue "{\"project_id\":$demo,\"tracker_id\":$bug,\"subject\":\"Crash when uploading a large attachment\",\"description\":\"Uploading a 12 MB file crashes the worker.\",\"priority_id\":$urgent,\"assigned_to_id\":$js,\"category_id\":$backend,\"custom_fields\":[{\"id\":$cf,\"value\":\"critical\"}],\"watcher_user_ids\":[$dl]}")
  attach "$i7" crash.log $'worker[42]: upload of 12582912 bytes\nworker[42]: killed (out of memory)\n'
  call POST "/issues/$i7/relations.json" "{\"relation\":{\"issue_to_id\":$i1,\"relation_type\":\"relates\"}}" >/dev/null

  i8=$(issue "{\"project_id\":$ops,\"tracker_id\":$support,\"subject\":\"Rotate TLS certificates\",\"priority_id\":$high,\"assigned_to_id\":$dl,\"due_date\":\"2030-06-30\"}")
  i=$(issue "{\"project_id\":$ops,\"tracker_id\":$bug,\"subject\":\"Disk usage alert on db01\",\"priority_id\":$immediate,\"custom_fields\":[{\"id\":$cf,\"value\":\"major\"}]}")
  move "$i" "$rejected" admin "False alarm: the alert threshold was misconfigured."
  i10=$(issue "{\"project_id\":$ops,\"tracker_id\":$feature,\"subject\":\"Automate nightly backups\",\"priority_id\":$normal,\"assigned_to_id\":$js,\"start_date\":\"2025-02-01\",\"estimated_hours\":8,\"done_ratio\":50}")
  move "$i10" "$progress" jsmith
  call POST "/issues/$i10/relations.json" "{\"relation\":{\"issue_to_id\":$i8,\"relation_type\":\"precedes\",\"delay\":0}}" >/dev/null
  say "created issues #$i1 to #$i10"
}

fixture() {
  local jsmith dlopper demo ops roles dev mgr
  roles=$(call GET /roles.json)
  dev=$(named .roles Developer <<<"$roles")
  mgr=$(named .roles Manager <<<"$roles")
  jsmith=$(user jsmith John Smith)
  dlopper=$(user dlopper Dave Lopper)
  demo=$(project demo Demo true)
  ops=$(project ops Ops false)
  member demo "$jsmith" "$dev"
  member demo "$dlopper" "$mgr"
  member ops "$jsmith" "$mgr"
  member ops "$dlopper" "$dev"
  local cats
  cats=$(call GET /projects/demo/issue_categories.json)
  [ -n "$(named .issue_categories Backend <<<"$cats")" ] ||
    call POST /projects/demo/issue_categories.json "{\"issue_category\":{\"name\":\"Backend\",\"assigned_to_id\":$jsmith}}" >/dev/null
  [ -n "$(named .issue_categories Frontend <<<"$cats")" ] ||
    call POST /projects/demo/issue_categories.json "{\"issue_category\":{\"name\":\"Frontend\",\"assigned_to_id\":$dlopper}}" >/dev/null
  [ -n "$(call GET /projects/demo/versions.json | named .versions v1.0)" ] ||
    call POST /projects/demo/versions.json '{"version":{"name":"v1.0","status":"open","due_date":"2030-12-31","sharing":"none"}}' >/dev/null
  if [ "$(call GET '/issues.json?project_id=demo&status_id=*&limit=1' | jq .total_count)" = 0 ] &&
    [ "$(call GET '/issues.json?project_id=ops&status_id=*&limit=1' | jq .total_count)" = 0 ]; then
    fixture_issues "$demo" "$ops" "$jsmith" "$dlopper"
  fi
  write_env
}

write_env() {
  local login k
  umask 077
  {
    echo "REDMINE_URL=$BASE"
    echo "REDMINE_API_KEY=$KEY"
    for login in jsmith dlopper; do
      k=$(call GET "/users/$(user "$login" x x).json" | jq -r .user.api_key)
      echo "$k" >"$STATE/api_key_$login"
      echo "REDMINE_${login^^}_API_KEY=$k"
    done
  } >"$STATE/env.new"
  mv "$STATE/env.new" "$STATE/env"
  echo "$KEY" >"$STATE/api_key"
}

up() {
  [ "$(id -u)" = 0 ] || fail "run as root (it installs Debian packages)"
  mkdir -p "$STATE"
  chmod 0711 "$STATE" # $RUN_AS reaches its home inside; the key files stay root's (umask 077)
  install -d -o "$RUN_AS" -g "$RUN_AS" -m 0700 "$STATE/home"
  if pid_alive && [ -s "$STATE/env" ]; then
    KEY=$(cat "$STATE/api_key")
    if [ "$(code_of -H "X-Redmine-API-Key: $KEY" "$BASE/users/current.json")" = 200 ]; then
      say "already up at $BASE"
      return 0
    fi
  fi
  install_packages
  pin_bundler
  prepare_ruby
  KEY=$(configure)
  [ -n "$KEY" ] || { cat "$STATE/runner.err" >&2; fail "could not configure Redmine"; }
  start
  ln -sfn /var/log/redmine/default/production.log "$STATE/production.log"
  fixture
  say "Redmine is up at $BASE; keys in $STATE/env"
}

# Sourced (for testing the fixture against another server): define the functions only.
[ "${BASH_SOURCE[0]}" = "$0" ] || return 0

case "${1:-up}" in
  up) up ;;
  stop) pid_alive && kill "$(cat "$STATE/redmine.pid")" && say stopped || say "not running" ;;
  status) if pid_alive; then say "running at $BASE"; else say "not running"; exit 3; fi ;;
  *) fail "usage: $0 [up|stop|status]" ;;
esac
