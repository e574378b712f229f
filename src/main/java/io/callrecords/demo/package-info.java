/** {@code ./callrecords demo}: the service on its own data directory, filled with a simulated call center's week. */
package io.callrecords.demo;
