a = """never closed

