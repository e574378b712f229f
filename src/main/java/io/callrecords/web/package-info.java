/** The pages for people: sign-in, call log, call detail, missed-call worklist, dashboard and settings. */
package io.callrecords.web;
