"""From claim vectors to structure: neighbour graphs, events, claim groups, disputes."""
