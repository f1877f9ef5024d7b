#!/bin/sh
# slim: makes a pot smaller by removing what a service jail does not run:
# compilers and toolchain, debuggers, static libraries, headers, 32-bit
# libraries, tests, documentation, manual pages and examples.
# Run inside the pot by `pot create -f slim` (argument: the pot's name).
set -u

remove() {
	for _path in "$@"; do
		[ -e "$_path" ] || [ -L "$_path" ] || continue
		rm -rf -- "$_path"
	done
}

remove /usr/include /usr/lib32 /usr/libdata/lint /usr/tests /usr/lib/debug /rescue
remove /usr/share/doc /usr/share/examples /usr/share/man /usr/share/info \
	/usr/share/games /usr/share/dict /usr/share/bsdconfig /usr/share/dtrace /usr/share/sendmail
remove /usr/lib/clang
for _lib in /usr/lib/*.a; do
	remove "$_lib"
done
for _tool in cc c++ c89 c99 cpp CC clang clang++ clang-cpp clang-tblgen lld ld ld.lld ld.bfd \
	lldb gdb gdbserver gdbtui nm objcopy objdump llvm-objdump llvm-tblgen strings strip \
	addr2line ar ranlib readelf size c++filt llvm-ar llvm-nm llvm-cov llvm-profdata; do
	remove "/usr/bin/$_tool"
done
remove /usr/sbin/dtrace /usr/sbin/bhyve /usr/sbin/bhyvectl /usr/sbin/bhyveload
echo "slim: $1 trimmed"
