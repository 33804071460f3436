// The UI kit gives every element the same id ("test-id") when NODE_ENV is "test", which breaks
// aria-labelledby (a dialog's name, a field's label) for queries by role and label. Run as development.
process.env.NODE_ENV = 'development';

// jsdom lacks these; react-router and antd use them.
const { TextEncoder, TextDecoder } = require('util');
Object.assign(globalThis, { TextEncoder, TextDecoder });
// Width queries answer for jsdom's window (1024 px wide, a desktop: the shell shows its side menu).
if (!window.matchMedia) {
  const widthMatches = (query) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    const max = /max-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
    if (!min && !max) return false;
    return (!min || window.innerWidth >= Number(min[1])) && (!max || window.innerWidth <= Number(max[1]));
  };
  window.matchMedia = (query) => ({ matches: widthMatches(query), media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false });
}
if (!window.ResizeObserver) {
  window.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
}
// jsdom does not implement getComputedStyle for pseudo-elements (antd asks for it); ignore the pseudo.
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (elt) => getComputedStyle(elt);

// The network boundary. jsdom has no fetch/Request/Response; borrow Node's (from the outer realm)
// and route every call through `globalThis.__fetchStub`, which `test/fetch-stub.ts` installs per test.
// The API client captures `fetch` and `Request` when its module loads, so they must exist before.
const outer = require('events').constructor('return globalThis')();
for (const name of ['Response', 'Headers']) if (!globalThis[name]) globalThis[name] = outer[name];
// As in a browser, a relative URL ("/api/units") resolves against the page's address.
if (!globalThis.Request) {
  globalThis.Request = class Request extends outer.Request {
    constructor(input, init) {
      super(typeof input === 'string' ? new URL(input, window.location.href).href : input, init);
    }
  };
}
globalThis.fetch = (input, init) => {
  if (!globalThis.__fetchStub) return Promise.reject(new Error('fetch is not stubbed in this test: use stubApi() from test/fetch-stub'));
  return globalThis.__fetchStub(input, init);
};

// jsdom has no MessageChannel (antd's form batches watch notifications with it): a timer-based one.
if (!globalThis.MessageChannel) {
  globalThis.MessageChannel = class MessageChannel {
    constructor() {
      const port = (other) => ({ onmessage: null, postMessage: (data) => setTimeout(() => other().onmessage?.({ data }), 0), close() {}, start() {}, addEventListener() {}, removeEventListener() {} });
      this.port1 = port(() => this.port2);
      this.port2 = port(() => this.port1);
    }
  };
}

// jsdom has no structuredClone; what the app clones is plain JSON.
if (!globalThis.structuredClone) globalThis.structuredClone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
