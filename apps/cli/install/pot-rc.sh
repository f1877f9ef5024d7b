# pot-rc.sh: what the rc.d scripts pot and pot_early share (installed as
# PREFIX/libexec/pot/pot-rc.sh and sourced by them). $pot_program is
# PREFIX/bin/pot (rc.conf may point it elsewhere). No `command` is set:
# rc.subr would then take any running pot command for this service.
# The order comes from the pots' own files (one pot command for the list and
# one for POT_FS_ROOT, instead of one per pot): a pot after the pots of its
# pot.depend lines.

# _pot_rc_value FSROOT POT KEY: the values of the pot's KEY= lines
_pot_rc_value()
{
	awk -v k="$3=" 'index($0, k) == 1 { v = substr($0, length(k) + 1); gsub(/"/, "", v); print v }' \
		"$1/jails/$2/conf/pot.conf" 2>/dev/null
}

_pot_rc_visit()
{
	local _dep
	case " $_pot_rc_seen " in *" $2 "*) return ;; esac
	_pot_rc_seen="$_pot_rc_seen $2"
	for _dep in $(_pot_rc_value "$1" "$2" pot.depend); do
		_pot_rc_visit "$1" "$_dep"
	done
	[ -f "$1/jails/$2/conf/pot.conf" ] && _pot_rc_order="$_pot_rc_order $2"
}

# pot_rc_order: sets _pot_rc_order to every pot, each after its dependencies
# (a cycle is cut), and _pot_rc_fsroot
pot_rc_order()
{
	local _pot _pots
	_pot_rc_fsroot=$("$pot_program" config -q -g fs_root) || return 1
	_pots=$("$pot_program" ls -q) || return 1
	_pot_rc_seen=
	_pot_rc_order=
	for _pot in $_pots; do
		_pot_rc_visit "$_pot_rc_fsroot" "$_pot"
	done
}

_pot_rc_marked()
{
	[ "$(_pot_rc_value "$_pot_rc_fsroot" "$1" "pot.attr.$2")" = YES ]
}

_pot_rc_reverse()
{
	local _out _word
	_out=
	for _word in "$@"; do
		_out="$_word $_out"
	done
	echo $_out
}

# pot_rc_start ATTRIBUTE: starts the pots with ATTRIBUTE=YES, in order
pot_rc_start()
{
	local _pot
	pot_rc_order || return 1
	for _pot in $_pot_rc_order; do
		_pot_rc_marked "$_pot" "$1" || continue
		echo "Starting pot $_pot."
		"$pot_program" start "$_pot" || echo "pot $_pot did not start" >&2
	done
}

# pot_rc_stop [ATTRIBUTE]: stops the running pots, those that need others
# first; with ATTRIBUTE, not the pots that have ATTRIBUTE=YES (pot_early's)
pot_rc_stop()
{
	_pot_rc_stop_where "${1:-}" no
}

# pot_rc_stop_marked ATTRIBUTE: stops the running pots with ATTRIBUTE=YES
pot_rc_stop_marked()
{
	_pot_rc_stop_where "$1" yes
}

_pot_rc_stop_where()
{
	local _pot _running
	pot_rc_order || return 1
	_running=" $(echo $("$pot_program" ps -q)) "
	for _pot in $(_pot_rc_reverse $_pot_rc_order); do
		case $_running in *" $_pot "*) ;; *) continue ;; esac
		if [ -n "$1" ]; then
			if _pot_rc_marked "$_pot" "$1"; then
				[ "$2" = yes ] || continue
			else
				[ "$2" = no ] || continue
			fi
		fi
		echo "Stopping pot $_pot."
		"$pot_program" stop "$_pot" || echo "pot $_pot did not stop" >&2
	done
}

# pot_rc_status ATTRIBUTE: each pot with ATTRIBUTE=YES, running or not
pot_rc_status()
{
	local _pot _running
	pot_rc_order || return 1
	_running=" $(echo $("$pot_program" ps -q)) "
	for _pot in $_pot_rc_order; do
		_pot_rc_marked "$_pot" "$1" || continue
		case $_running in
		*" $_pot "*) echo "pot $_pot is running." ;;
		*) echo "pot $_pot is not running." ;;
		esac
	done
}
