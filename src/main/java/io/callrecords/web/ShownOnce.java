package io.callrecords.web;

/**
 * A secret in the one answer that shows it (a new API key, a webhook signing secret): never in a URL, never stored
 * in clear, and gone after a reload (once.js turns the answer's history entry into a plain GET of its page).
 */
public record ShownOnce(String what, String value) {}
