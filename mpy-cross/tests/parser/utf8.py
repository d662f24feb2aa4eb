x = "ÿþ"
yÿ = 1
z = "hÃ©llo"
