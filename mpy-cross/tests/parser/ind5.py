x = (1,
  2)
if y:

  # comment
  pass
