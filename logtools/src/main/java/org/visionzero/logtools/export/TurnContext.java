package org.visionzero.logtools.export;

import org.visionzero.events.BlobRef;

/**
 * What a seat saw and wrote at one answered turn, rebuilt from the game's events.
 *
 * @param prompt     the text prompt of the turn ({@code PromptBuilder} over the seat's view)
 * @param image      the image the seat saw, null for a blank image
 * @param completion what the model wrote: the raw output when recorded, else the parsed clue
 */
record TurnContext(String prompt, BlobRef image, String completion) {}
