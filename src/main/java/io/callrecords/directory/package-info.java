/** The account's address book: contacts, companies, their phone numbers, and who has a number. */
package io.callrecords.directory;
