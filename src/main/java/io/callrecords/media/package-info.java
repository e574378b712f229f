/** Recordings and voicemails: their storage (filesystem or S3), signed expiring links, source_url fetches, retention. */
package io.callrecords.media;
