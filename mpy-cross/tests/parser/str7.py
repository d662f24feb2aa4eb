a = 'unterminated
