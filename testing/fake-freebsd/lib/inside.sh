# shellcheck shell=bash
# Programs "run inside a jail" by the fake host. Nothing is executed in a fake jail, except
# two forms pot uses to move files (copy-in, copy-out), which are emulated on the jail's root:
#   /bin/cp -a|-va SRC DST    (SRC's last component is not followed, as cp -a does; a DST
#                              that is a directory receives SRC under its name)
#   /bin/mkdir -p DIR
# Paths are taken inside the root: `..` stops at it and symlinks (absolute ones relative to
# the root) are followed inside it, as a jail sees them. Only roots strictly below the
# emulation area (FAKEBSD_ROOT, else the directory holding FAKEBSD_STATE) are touched, so the
# host's own files are never written.

# inside_known ARGV... : is this a program the fake emulates?
inside_known() {
	case "${1:-}" in
	/bin/cp) (($# >= 3)) ;;
	/bin/mkdir) [[ ${2:-} == -p && $# == 3 ]] ;;
	*) return 1 ;;
	esac
}

# inside_root_ok ROOT : may files below ROOT be written by the emulation?
inside_root_ok() {
	local area st p
	area=$(fb_emu_area) || return 1
	st=$(realpath -m -- "$FB_S")
	p=$(realpath -m -- "$1")
	[[ $p == "$area"/* ]] || return 1
	[[ $p/ == "$st"/* || $st/ == "$p"/* ]] && return 1
	return 0
}

# inside_path ROOT PATH : the host path of PATH (absolute inside ROOT), every symlink followed
# inside ROOT (the last component too)
inside_path() {
	local root=${1%/} out="" part target links=0 i=0
	local -a todo more
	IFS=/ read -r -a todo <<<"$2"
	while ((i < ${#todo[@]})); do
		part=${todo[i]}
		i=$((i + 1))
		case "$part" in
		'' | .) continue ;;
		..)
			out=${out%/*}
			continue
			;;
		esac
		if [[ -L $root$out/$part ]]; then
			links=$((links + 1))
			((links > 40)) && return 1
			target=$(readlink -- "$root$out/$part")
			[[ $target == /* ]] && out=""
			IFS=/ read -r -a more <<<"$target"
			todo=("${more[@]}" "${todo[@]:i}")
			i=0
			continue
		fi
		out+=/$part
	done
	printf '%s\n' "$root$out"
}

# inside_nofollow ROOT PATH : like inside_path, but the last component is kept as it is
inside_nofollow() {
	local p=${2%/} dir name
	name=${p##*/}
	dir=${p%/*}
	if [[ -z $name ]]; then
		inside_path "$1" /
		return
	fi
	printf '%s/%s\n' "$(inside_path "$1" "${dir:-/}")" "$name"
}

# inside_cp ROOT ARG... : /bin/cp [-a|-va] SRC DST inside ROOT
inside_cp() {
	local root=$1 a verbose="" src dst s d
	shift
	local -a ops=()
	for a in "$@"; do
		if [[ $a == -* ]]; then
			[[ $a == *v* ]] && verbose=1
		else
			ops+=("$a")
		fi
	done
	if ((${#ops[@]} != 2)); then
		fb_err "usage: cp [-R [-H | -L | -P]] [-f | -i | -n] [-alpsvx] source_file target_file"
		return 64
	fi
	src=${ops[0]}
	dst=${ops[1]}
	s=$(inside_nofollow "$root" "$src") || return 1
	if [[ ! -e $s && ! -L $s ]]; then
		fb_err "cp: $src: No such file or directory"
		return 1
	fi
	d=$(inside_path "$root" "$dst") || return 1
	if [[ -d $d ]]; then
		dst=${dst%/}/${s##*/}
		d=$(inside_path "$root" "$dst") || return 1
	fi
	if [[ ! -d ${d%/*} ]]; then
		fb_err "cp: $dst: No such file or directory"
		return 1
	fi
	if [[ -d $s && ! -L $s && -e $d && ! -d $d ]]; then
		fb_err "cp: cannot overwrite non-directory $dst with directory $src"
		return 1
	fi
	# never through a link left in the destination (a jail's links stay inside it)
	if ! cp -a -T --remove-destination -- "$s" "$d" 2>/dev/null; then
		fb_err "cp: $dst: Operation not permitted"
		return 1
	fi
	[[ -n $verbose ]] && printf '%s -> %s\n' "$src" "$dst"
	return 0
}

# inside_run ROOT ARGV... : what ARGV does inside a jail on ROOT (inside_known forms only)
inside_run() {
	local root=$1
	shift
	if [[ ! -d $root ]] || ! inside_root_ok "$root"; then
		return 0
	fi
	case "$1" in
	/bin/cp)
		shift
		inside_cp "$root" "$@"
		;;
	/bin/mkdir)
		if ! mkdir -p -- "$(inside_path "$root" "$3")" 2>/dev/null; then
			fb_err "mkdir: $3: Not a directory"
			return 1
		fi
		;;
	esac
}
