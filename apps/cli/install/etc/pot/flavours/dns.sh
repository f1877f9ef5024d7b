#!/bin/sh
# dns: turns the pot into the DNS server of the internal network, the one
# pots created with `-d pot` use: their resolv.conf names POT_DNS_IP. potnet
# keeps that address for it, so the pot takes it as an alias pot (the address
# goes on POT_EXTIF, and the pots reach it through their gateway, the host):
#   pot create -p dns -b RELEASE -N alias -i POT_DNS_IP -f dns
# It runs dnsmasq(8) on that address, answering from the pot's /etc/hosts and
# forwarding everything else to the resolvers of the host (the pot's
# resolv.conf, inherited).
# Run inside the pot by `pot create -f dns` (argument: the pot's name).
set -eu
ASSUME_ALWAYS_YES=yes
export ASSUME_ALWAYS_YES
pkg install -y dnsmasq
pkg clean -ay

_addr=$(ifconfig -a inet | awk '$1 == "inet" && $2 !~ /^127\./ { print $2; exit }')
if [ -z "$_addr" ]; then
	echo "dns: $1 has no IPv4 address: create it with -N alias -i POT_DNS_IP" >&2
	exit 1
fi

cat > /usr/local/etc/dnsmasq.conf <<CONF
# written by pot's dns flavour for $1
listen-address=$_addr
bind-interfaces
domain-needed
bogus-priv
resolv-file=/etc/resolv.conf
CONF
sysrc dnsmasq_enable=YES
echo "dns: $1 answers on $_addr"
