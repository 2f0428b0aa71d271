/**
 * The admin pages' beans ({@code admin/x.xhtml} is backed by {@code XBacking}): they read the
 * page, call one service in {@code control}, and turn its {@code InvalidInput} / {@code EditConflict}
 * into Faces messages next to the fields concerned.
 */
package org.gatehouse.admin.boundary;
