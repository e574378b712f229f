/** Call-flow events, the call records derived from them (a pure function), callback links and the v3 call API. */
package io.callrecords.calls;
