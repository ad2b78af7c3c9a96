// node:assert/strict for the web worker extension host: the `assert` package
// is Node's assert module ported to the browser, so the suites run unchanged.
module.exports = require('assert').strict;
