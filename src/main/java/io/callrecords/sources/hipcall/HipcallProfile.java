package io.callrecords.sources.hipcall;

/** The account's profile of the Hipcall source: how long Hipcall's raw bodies are kept (the core's retention reads it). */
record HipcallProfile(Integer rawDocumentRetentionDays) {}
