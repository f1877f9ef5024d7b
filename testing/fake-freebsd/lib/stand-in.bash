# The body of every launcher in ../bin (`. lib/stand-in.bash NAME "$@"`): the call goes to the
# resident stand-in (src/server.ts) when one listens on FAKEBSD_PORT and stdin is no pipe or
# socket, else to a Node process of the same emulator (dist/stand-in.mjs). `read -u 3`, not
# `read <&3`: the server reads this process's fd 0 meanwhile, which `<&3` would replace.
fb_name=$1
shift
if [[ -n ${FAKEBSD_PORT-} && ! -p /dev/stdin && ! -S /dev/stdin ]] && { exec 3<>"/dev/tcp/127.0.0.1/$FAKEBSD_PORT"; } 2>/dev/null; then
	printf '%s %s %s\n' "$$" "$#" "$fb_name" >&3
	if ! read -r -u 3 fb_status fb_outlen fb_errlen; then
		# the call may have run: running it again could do it twice
		echo "fake-freebsd: the resident stand-in went away during $fb_name" >&2
		exit 70
	fi
	if [[ $fb_status != F ]]; then
		((fb_outlen == 0)) || head -c "$fb_outlen" <&3
		((fb_errlen == 0)) || head -c "$fb_errlen" <&3 >&2
		exit "$fb_status"
	fi
	exec 3<&-
fi
exec "${FAKEBSD_NODE:-node}" "${FAKEBSD_STUBS:?FAKEBSD_STUBS is not set}/dist/stand-in.mjs" "$fb_name" "$@"
