import yargs from 'yargs'
