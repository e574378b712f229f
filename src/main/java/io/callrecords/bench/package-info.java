/** Benchmark programs behind {@code ./callrecords bench}: they drive a real service process and print their figures. */
package io.callrecords.bench;
