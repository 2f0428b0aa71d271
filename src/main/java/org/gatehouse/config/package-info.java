/**
 * Typed settings read once from MicroProfile Config ({@code gatehouse.*}), one immutable record per
 * concern; every default is written next to it and in the README's configuration table.
 */
package org.gatehouse.config;
