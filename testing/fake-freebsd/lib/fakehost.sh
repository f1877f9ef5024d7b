# shellcheck shell=bash
# Setting up the fake FreeBSD host. Sourced by run-scenario.sh inside its private
# mount namespace; the host_* functions are what scenario files call before their
# pot commands. They go through the stubs with FAKEBSD_NOLOG=1, so nothing of the
# setup appears in the command log, and they never run pot itself: a pot under test
# (shell or TypeScript) always starts from the same host.
#
# Needs: FAKEBSD_STATE, FAKEBSD_STUBS (the stubs directory), POT_FS_ROOT, POT_CACHE,
# POT_ZFS_ROOT (default zroot/pot).

H=${FAKEBSD_HOSTROOT:?FAKEBSD_HOSTROOT is not set}
fh_stub() { FAKEBSD_NOLOG=1 "$FAKEBSD_STUBS/bin/$@"; }

# fakehost_boot : the machine before anything pot-related exists
fakehost_boot() {
	mkdir -p "$H"/etc
	local S=$FAKEBSD_STATE
	mkdir -p "$S/conf" "$S/tmp" "$S/net/if" "$S/pf/anchors" "$S/jail" "$S/zfs/ds" "$S/zfs/snap" "$S/zfs/data"
	: >"$S/calls.log"
	cp "$FAKEBSD_STUBS/lib/sysctl.defaults" "$S/sysctl"
	printf 'root     sshd       812   4   tcp4   *:22                  *:*\n' >"$S/sockstat"
	printf 'root     syslogd    604   7   udp4   *:514                 *:*\n' >>"$S/sockstat"
	echo 0 >"$S/pf/enabled"
	# interfaces
	(
		. "$FAKEBSD_STUBS/lib/fakebsd.sh"
		. "$FAKEBSD_STUBS/lib/net.sh"
		net_new lo0 loopback 0
		touch "$FB_NET/lo0/up"
		net_addr_add lo0 inet 127.0.0.1 8
		net_addr_add lo0 inet6 ::1 128
		net_addr_add lo0 inet6 fe80::1 64
		net_new em0 ether
		touch "$FB_NET/em0/up"
		printf '00:a0:98:00:00:01\n' >"$FB_NET/em0/ether"
		net_addr_add em0 inet 192.168.1.10 24
	)
	# the pool
	(
		. "$FAKEBSD_STUBS/lib/fakebsd.sh"
		. "$FAKEBSD_STUBS/lib/zfs.sh"
		zfs_new zroot
		zfs_setprop zroot mountpoint none
	)
	# host files (inside the overlays of run-scenario.sh)
	printf 'search example.org\nnameserver 192.168.1.1\n' >"$H"/etc/resolv.conf
	cat >"$H"/etc/rc.conf <<-'EOF'
		hostname="host.example.org"
		ifconfig_em0="inet 192.168.1.10 netmask 255.255.255.0"
		defaultrouter="192.168.1.1"
		sshd_enable="YES"
		zfs_enable="YES"
	EOF
	chmod 644 "$H"/etc/resolv.conf "$H"/etc/rc.conf
	rm -f "$H"/etc/pf.conf
	mkdir -p "$H"/usr/local/etc "$H"/usr/local/bin "$H"/usr/local/sbin "$H"/dev "$H"/var/log
	: >"$H"/dev/pf
}

# host_pot_root : the state `pot init` leaves, on a host whose pf is enabled with the
# pot anchors loaded (typical before the first `pot start`)
host_pot_root() {
	local zr=${POT_ZFS_ROOT:-zroot/pot}
	fh_stub zfs create -o mountpoint="$POT_FS_ROOT" -o canmount=off -o compression=lz4 -o atime=off "$zr"
	mkdir -p "$POT_FS_ROOT"
	chmod 750 "$POT_FS_ROOT"
	fh_stub zfs create "$zr/bases"
	fh_stub zfs create "$zr/jails"
	fh_stub zfs create "$zr/fscomp"
	fh_stub zfs create -o mountpoint="$POT_CACHE" -o compression=off "$zr/cache"
	mkdir -p "$POT_FS_ROOT/bridges" "$H"/usr/local/etc/syslog.d "$H"/usr/local/etc/newsyslog.conf.d "$H"/var/log/pot
	mkdir -p "${POT_TMP:-/tmp}"
	printf 'syslogd_flags="-b 127.0.0.1 -b 10.192.0.1 -a 10.192.0.0/10"\npf_enable="YES"\n' >>"$H"/etc/rc.conf
	host_pf_conf
	host_pf loaded
}

# host_pf_conf : "$H"/etc/pf.conf with the pot anchors (as `pot init` writes them)
host_pf_conf() {
	printf 'nat-anchor pot-nat\nrdr-anchor "pot-rdr/*"\npass all\n' >"$H"/etc/pf.conf
}

# host_pf MODE : loaded (main ruleset from "$H"/etc/pf.conf, enabled) | unloaded (no rules,
# disabled) | disabled (rules loaded, pf disabled)
host_pf() {
	local S=$FAKEBSD_STATE
	case "$1" in
	loaded)
		printf 'pf\n' >>"$S/kld"
		cp "$H"/etc/pf.conf "$S/pf/main.conf"
		echo 1 >"$S/pf/enabled"
		;;
	unloaded)
		rm -f "$S/pf/main.conf" "$S/pf/anchors/"*
		echo 0 >"$S/pf/enabled"
		;;
	disabled)
		echo 0 >"$S/pf/enabled"
		;;
	esac
}

# host_base [VERSION] : a FreeBSD base as `pot create-base -r VERSION` leaves it
# (datasets, the directory layout with etc/root/var moved to opt/custom, snapshots);
# the base-VERSION pot it would also create is left out.
host_base() {
	local v=${1:-13.1} zr=${POT_ZFS_ROOT:-zroot/pot} b
	b="$POT_FS_ROOT/bases/$v"
	fh_stub zfs create "$zr/bases/$v"
	fh_stub zfs create -o mountpoint="$b/usr/local" "$zr/bases/$v/usr.local"
	fh_stub zfs create -o mountpoint="$b/opt/custom" "$zr/bases/$v/custom"
	printf '%s-RELEASE\n' "$v" >"$b/.osrelease"
	mkdir -p "$b"/{bin,sbin,lib,libexec,boot,dev,proc,mnt,media,rescue,usr/bin,usr/sbin,usr/lib,usr/share,usr/ports}
	install -d -m 1777 "$b/tmp"
	cat >"$b/bin/freebsd-version" <<-EOF
		#!/bin/sh
		USERLAND_VERSION="$v-RELEASE-p9"
		echo \$USERLAND_VERSION
	EOF
	chmod 555 "$b/bin/freebsd-version"
	ln -s opt/custom/etc "$b/etc"
	ln -s opt/custom/root "$b/root"
	ln -s opt/custom/var "$b/var"
	ln -s opt/custom/usr.home "$b/home"
	ln -s ../opt/custom/usr.home "$b/usr/home"
	# usr.local dataset
	ln -s ../../opt/custom/usr.local.etc "$b/usr/local/etc"
	mkdir -p "$b/usr/local/var.db.pkg" "$b/usr/local/bin"
	# custom dataset
	local c="$b/opt/custom"
	mkdir -p "$c"/{etc/rc.d,etc/defaults,root,usr.local.etc,usr.home} "$c"/var/{db,log,run,tmp}
	ln -s ../../../../usr/local/var.db.pkg "$c/var/db/pkg"
	cat >"$c/etc/crontab" <<-'EOF'
		# /etc/crontab - root's crontab for FreeBSD
		SHELL=/bin/sh
		PATH=/etc:/bin:/sbin:/usr/bin:/usr/sbin
		#minute	hour	mday	month	wday	who	command
		*/11	*	*	*	*	operator /usr/libexec/save-entropy
		0	*	*	*	*	root	newsyslog
		1	3	*	*	*	root	periodic daily
		1,31	0-5	*	*	*	root	adjkerntz -a
	EOF
	printf '::1\t\t\tlocalhost localhost.my.domain\n127.0.0.1\t\tlocalhost localhost.my.domain\n' >"$c/etc/hosts"
	cat >"$c/etc/rc.d/rtsold" <<-'EOF'
		#!/bin/sh
		# PROVIDE: rtsold
		# KEYWORD: nojail shutdown
	EOF
	cp "$FAKEBSD_STUBS/lib/rc.conf.defaults" "$c/etc/defaults/rc.conf"
	local ds
	for ds in "$zr/bases/$v" "$zr/bases/$v/usr.local" "$zr/bases/$v/custom"; do
		fh_stub zfs snapshot "$ds@1700000000"
	done
	fh_stub zfs set used=1.21G "$zr/bases/$v"
}

# host_iface NAME [ADDR/PREFIX] : an extra ethernet-like interface (vlan20, tun0, ...)
host_iface() {
	(
		. "$FAKEBSD_STUBS/lib/fakebsd.sh"
		. "$FAKEBSD_STUBS/lib/net.sh"
		local kind=ether
		[[ $1 == vlan* ]] && kind=vlan
		[[ $1 == tun* ]] && kind=tun
		net_new "$1" "$kind"
		touch "$FB_NET/$1/up"
		if [[ -n ${2:-} ]]; then
			net_addr_add "$1" inet "${2%/*}" "${2#*/}"
		fi
	)
}

# host_iface_addr NAME inet|inet6 ADDR PREFIX
host_iface_addr() {
	(
		. "$FAKEBSD_STUBS/lib/fakebsd.sh"
		. "$FAKEBSD_STUBS/lib/net.sh"
		net_addr_add "$1" "$2" "$3" "$4"
	)
}

# host_listen PROTO PORT [COMMAND] : a listening socket (sockstat)
host_listen() {
	printf 'root     %-10s %-5s 5   %-6s *:%-19s *:*\n' "${3:-daemon}" 900 "$1" "$2" >>"$FAKEBSD_STATE/sockstat"
}

# host_sysctl KEY=VALUE
host_sysctl() {
	local k=${1%%=*} v=${1#*=} f="$FAKEBSD_STATE/sysctl"
	if grep -q "^$k=" "$f"; then
		awk -v k="$k" -v v="$v" 'index($0, k "=") == 1 { print k "=" v; next } { print }' "$f" >"$f.new"
		mv "$f.new" "$f"
	else
		printf '%s=%s\n' "$k" "$v" >>"$f"
	fi
}

# host_knob NAME VALUE : a stub knob ($FAKEBSD_STATE/conf/NAME), e.g. jexec_rc 1
host_knob() {
	printf '%s\n' "$2" >"$FAKEBSD_STATE/conf/$1"
}

# host_file NAME [CONTENT] : a file $SCENARIO_FILES/NAME (stdin when CONTENT is absent)
host_file() {
	mkdir -p "$SCENARIO_FILES"
	if (($# >= 2)); then
		printf '%s\n' "$2" >"$SCENARIO_FILES/$1"
	else
		cat >"$SCENARIO_FILES/$1"
	fi
}

# host_ncat : an executable /usr/local/bin/ncat (for the localhost-tunnel attribute)
host_ncat() {
	mkdir -p "$H"/usr/local/bin
	printf '#!/bin/sh\n# fake ncat\n' >"$H"/usr/local/bin/ncat
	chmod 755 "$H"/usr/local/bin/ncat
}
