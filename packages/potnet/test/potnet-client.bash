#!/bin/bash -p
# potnet answered by the test's own process (in-process-potnet.ts, POTNET_TEST_PORT): the golden
# judge (golden/compare.py) runs it as it runs the binary, with the fixture's PATH, and gets the
# command's stdout, stderr and exit status back, without a Node start per case.
exec 3<>"/dev/tcp/127.0.0.1/${POTNET_TEST_PORT:?POTNET_TEST_PORT is not set}" || exit 99
{
	printf '%s\n' "$#"
	printf '%s\0' "${PATH-}" "$@"
} >&3
read -r -u 3 status outlen errlen || exit 98
((outlen == 0)) || head -c "$outlen" <&3
((errlen == 0)) || head -c "$errlen" <&3 >&2
exit "$status"
