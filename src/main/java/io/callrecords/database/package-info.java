/** The PostgreSQL connection: the embedded server under the data directory by default, or an external one. */
package io.callrecords.database;
