x = f"""multi
{a +
 b}
line"""
