package dev.semid.serving;
