import http from 'node:http'
