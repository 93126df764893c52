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
PACKAGES=(redmine redmine-sqlite thin curl jq sqlite3)

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

install() {
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
    admin.update_column(:must_change_passwd, false)
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

start() {
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

fixture() {
  local jsmith dlopper demo ops dev mgr
  dev=$(call GET /roles.json | id_of '.roles[]|select(.name=="Developer").id')
  mgr=$(call GET /roles.json | id_of '.roles[]|select(.name=="Manager").id')
  jsmith=$(user jsmith John Smith)
  dlopper=$(user dlopper Dave Lopper)
  demo=$(project demo Demo true)
  ops=$(project ops Ops false)
  member demo "$jsmith" "$dev"
  member demo "$dlopper" "$mgr"
  member ops "$jsmith" "$mgr"
  member ops "$dlopper" "$dev"
  call GET /projects/demo/issue_categories.json | jq -e '.issue_categories|length>0' >/dev/null || {
    call POST /projects/demo/issue_categories.json "{\"issue_category\":{\"name\":\"Backend\",\"assigned_to_id\":$jsmith}}" >/dev/null
    call POST /projects/demo/issue_categories.json "{\"issue_category\":{\"name\":\"Frontend\",\"assigned_to_id\":$dlopper}}" >/dev/null
  }
  call GET /projects/demo/versions.json | jq -e '.versions|length>0' >/dev/null ||
    call POST /projects/demo/versions.json '{"version":{"name":"v1.0","status":"open","due_date":"2030-12-31"}}' >/dev/null
  if [ "$(call GET '/issues.json?status_id=*&limit=1' | jq .total_count)" = 0 ]; then
    say "creating fixture issues"
    local i
    i=$(call POST /issues.json "{\"issue\":{\"project_id\":$demo,\"tracker_id\":1,\"subject\":\"Login page returns 500 on empty password\",\"priority_id\":3,\"assigned_to_id\":$jsmith}}" | id_of .issue.id)
    AS=jsmith call PUT "/issues/$i.json" '{"issue":{"status_id":2,"notes":"Reproduced locally."}}' >/dev/null
    call POST /issues.json "{\"issue\":{\"project_id\":$demo,\"tracker_id\":2,\"subject\":\"Add CSV export to the issue list\",\"assigned_to_id\":$dlopper}}" >/dev/null
    i=$(call POST /issues.json "{\"issue\":{\"project_id\":$demo,\"tracker_id\":1,\"subject\":\"Typo in footer copyright\",\"priority_id\":1,\"assigned_to_id\":$jsmith}}" | id_of .issue.id)
    for s in 2 3 5; do AS=jsmith call PUT "/issues/$i.json" "{\"issue\":{\"status_id\":$s}}" >/dev/null; done
    call POST /issues.json "{\"issue\":{\"project_id\":$ops,\"tracker_id\":3,\"subject\":\"Rotate TLS certificates\",\"priority_id\":3,\"assigned_to_id\":$dlopper}}" >/dev/null
  fi
  local login k
  {
    echo "REDMINE_URL=$BASE"
    echo "REDMINE_API_KEY=$KEY"
    for login in jsmith dlopper; do
      k=$(call GET "/users/$(user "$login" x x).json" | jq -r .user.api_key)
      echo "$k" >"$STATE/api_key_$login"
      echo "REDMINE_${login^^}_API_KEY=$k"
    done
  } >"$STATE/env"
  echo "$KEY" >"$STATE/api_key"
}

up() {
  [ "$(id -u)" = 0 ] || fail "run as root (it installs Debian packages)"
  mkdir -p "$STATE"
  install -d -o "$RUN_AS" -g "$RUN_AS" -m 0700 "$STATE/home" 2>/dev/null || true
  if pid_alive && [ -s "$STATE/env" ]; then
    KEY=$(cat "$STATE/api_key")
    if [ "$(code_of -H "X-Redmine-API-Key: $KEY" "$BASE/users/current.json")" = 200 ]; then
      say "already up at $BASE"
      return 0
    fi
  fi
  install
  pin_bundler
  prepare_ruby
  KEY=$(configure)
  [ -n "$KEY" ] || { cat "$STATE/runner.err" >&2; fail "could not configure Redmine"; }
  start
  fixture
  say "Redmine is up at $BASE; keys in $STATE/env"
}

case "${1:-up}" in
  up) up ;;
  stop) pid_alive && kill "$(cat "$STATE/redmine.pid")" && say stopped || say "not running" ;;
  status) if pid_alive; then say "running at $BASE"; else say "not running"; exit 3; fi ;;
  *) fail "usage: $0 [up|stop|status]" ;;
esac
