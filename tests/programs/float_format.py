x = 1234.5678
print("%.2f|%10.3f|%-10.1f|%e|%g" % (x, x, x, x, x))
print("{:.1f} {:.0f} {:.4e} {:g}".format(x, x, x, 0.0001))
print(f"{x:,.2f}" if False else f"{x:12.4f}|")
print("{:.3f} {:%} {:.1%}".format(x, 0.5, 0.25))
print("%.3g %.10g" % (0.000123456, 1 / 7))
print("{:+.2f} {:+.2f}".format(1.005, -2.5))
