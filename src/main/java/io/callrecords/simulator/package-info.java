/** A seeded call-center traffic simulator: realistic call-flow events, the account they need, and sending them to a service. */
package io.callrecords.simulator;
