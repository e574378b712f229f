/**
 * The account's own directory: users, teams, numbers, greetings, extensions and voicemail boxes with their names and
 * external refs, and the people among the users who sign in.
 */
package io.callrecords.people;
