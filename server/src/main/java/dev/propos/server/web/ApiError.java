package dev.propos.server.web;

/** The body of every error answer: what went wrong, in words. */
public record ApiError(String error) {
}
