package dev.semid.eval;
