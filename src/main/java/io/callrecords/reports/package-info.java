/** Call-center reports and the missed-call worklist (reports.md). */
package io.callrecords.reports;
