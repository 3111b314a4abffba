#!/bin/sh
':' //; [ -n "$NODE_EXTRA_CA_CERTS" ] && { MINIKCTL_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS; export MINIKCTL_EXTRA_CA_CERTS; unset NODE_EXTRA_CA_CERTS; }; exec node "$0" "$@"
// Both a shell script and a CommonJS module. Run as a program, the line above moves
// NODE_EXTRA_CA_CERTS aside before Node starts, since Node 20 parses that CA bundle before any
// script (about 50 ms for a system bundle); src/client/extra-ca.ts loads it when TLS needs it.
// Run with `node`, the line is a string and a comment.
require('../dist/launch.cjs');
